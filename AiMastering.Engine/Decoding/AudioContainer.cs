namespace AiMastering.Engine.Decoding;

/// <summary>Container recognized from the file's bytes (magic numbers), not its name.</summary>
public enum AudioContainer
{
    Unknown,
    Wav,
    Aiff,
    Flac,
    Mp3,
    Ogg,
    Mp4,
}
