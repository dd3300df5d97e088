using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// Integrated loudness (ITU-R BS.1770-4, gated) and true peak (4× oversampled, BS.1770 Annex 2) only: the
/// analysis engine's own loudness and true-peak passes without the spectrum, for the mastering closed loop.
/// </summary>
internal static class LoudnessMeter
{
    public readonly record struct Reading(double IntegratedLufs, double TruePeakDbtp)
    {
        /// <summary>The reading as analysis.json reports it: rounded to 0.01 dB, silence as −∞ (see <see cref="Reported"/>).</summary>
        public Reading AsReported() => new(Decibels.OrNull(IntegratedLufs) ?? double.NegativeInfinity, Decibels.OrNull(TruePeakDbtp) ?? double.NegativeInfinity);
    }

    /// <summary>Integrated loudness and true peak as an analysis reports them; equals <see cref="Reading.AsReported"/> of the same signal's reading.</summary>
    public static Reading Reported(AudioAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new(analysis.Loudness.IntegratedLufs ?? double.NegativeInfinity, analysis.Loudness.TruePeakDbtp ?? double.NegativeInfinity);
    }

    public static Reading Measure(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var passes = new AnalysisPasses(audio.SampleRate, audio.ChannelCount, audio.Length, framePowers: false);
        passes.Append(new Dsp.AudioBlock(audio.Channels));
        return Read(passes.Complete());
    }

    /// <summary>The reading from passes fed block by block (the same numbers as <see cref="Measure"/> of the whole signal).</summary>
    public static Reading Read(PassResults passes)
    {
        ArgumentNullException.ThrowIfNull(passes);
        var loudness = new LoudnessSeries(passes.Channels, passes.Grid);
        var peak = passes.Channels.Max(c => c.TruePeak.Length == 0 ? 0f : System.Numerics.Tensors.TensorPrimitives.Max(c.TruePeak));
        return new Reading(loudness.Integrated, Decibels.FromAmplitude(peak));
    }
}
