namespace AiMastering.Engine.Decoding;

/// <summary>Why a file cannot be used; the worker maps each code to a user message.</summary>
public enum AudioProblem
{
    FileNotFound,
    EmptyFile,
    NotAudio,
    UnsupportedFormat,
    FormatMismatch,
    NoAudioData,
    Truncated,
    AbsurdHeader,
    UnsupportedEncoding,
    TooManyChannels,
    TooShort,
    Silent,
    DecoderFailed,
    NonFiniteSamples,
}
