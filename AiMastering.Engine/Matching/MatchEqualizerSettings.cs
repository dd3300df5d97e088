using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Settings of <see cref="MatchEqualizer"/>.
/// </summary>
/// <param name="MidGainDb">Gain curve for the mid signal (or every channel of a non-stereo signal), dB by frequency.</param>
/// <param name="SideGainDb">Gain curve for the side signal of a stereo signal; null = same as the mid (no width change).</param>
/// <param name="Taps">Linear-phase FIR length (odd); 8191 taps resolve about 5.4 Hz at 44.1 kHz.</param>
/// <param name="PartitionFrames">Partition (block) size of the FFT convolution, a power of two.</param>
public sealed record MatchEqualizerSettings(
    IReadOnlyList<SpectrumPoint> MidGainDb,
    IReadOnlyList<SpectrumPoint>? SideGainDb = null,
    int Taps = MatchEqualizerSettings.DefaultTaps,
    int PartitionFrames = MatchEqualizerSettings.DefaultPartitionFrames)
{
    public const int DefaultTaps = 8191;

    public const int DefaultPartitionFrames = 1024;
}
