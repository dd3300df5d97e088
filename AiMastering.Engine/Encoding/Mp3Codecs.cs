namespace AiMastering.Engine.Encoding;

/// <summary>Where the MP3 preview's encoder (LAME) and its true-peak check's decoder run.</summary>
public enum Mp3Codecs
{
    /// <summary>In this process (libmp3lame, libmpg123) when both libraries load, else as ffmpeg processes.</summary>
    Auto,

    /// <summary>Always as ffmpeg processes (its libmp3lame encoder and mp3float decoder).</summary>
    Ffmpeg,
}
