namespace AiMastering.Engine.Encoding;

/// <summary>The master through LAME's lowpass (<see cref="Mp3PeakPredictor"/>): its true peak, and block by block.</summary>
/// <param name="TruePeakDbtp">The lowpassed master's true peak, dBTP (a bound when its blocks were skipped).</param>
/// <param name="BlockPeaks">Linear true peak of each block of <paramref name="BlockSamples"/> master samples (0 where skipped).</param>
/// <param name="BlockSamples">Master samples per block.</param>
internal sealed record LowpassedPeaks(double TruePeakDbtp, float[] BlockPeaks, int BlockSamples);
