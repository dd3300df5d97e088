using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// Measures loudness (ITU-R BS.1770-4, EBU Tech 3341/3342), true peak, dynamics, tonal balance, stereo
/// image and problems. Channels and independent measures run in parallel; memory beyond the input is a
/// few arrays per 10 ms sub-block plus fixed-size scratch.
/// </summary>
public static class Analyzer
{
    /// <summary>Analyzes mono or stereo audio (more channels: <see cref="ArgumentException"/>).</summary>
    public static AudioAnalysis Analyze(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (audio.ChannelCount > 2)
        {
            // BS.1770 channel weights for surround are not implemented; the decoder refuses such files.
            throw new ArgumentException("Only mono and stereo audio can be analyzed.", nameof(audio));
        }

        // The whole buffer is one block.
        var passes = new AnalysisPasses(audio.SampleRate, audio.ChannelCount, audio.Length, framePowers: false);
        return Analyze(audio, passes, () => passes.Append(new Dsp.AudioBlock(audio.Channels)));
    }

    /// <summary>
    /// The analysis of <paramref name="audio"/> from passes that <paramref name="finishPasses"/> brings to its end (feeding
    /// them the buffer, or waiting for the ones fed while decoding); the spectrum reads its frames straight from the
    /// buffer meanwhile.
    /// </summary>
    internal static AudioAnalysis Analyze(AudioBuffer audio, AnalysisPasses passes, Action finishPasses)
    {
        var stereo = audio.ChannelCount >= 2;
        StereoSpectrum? spectrum = null;
        Parallel.Invoke(
            finishPasses,
            () => spectrum = StereoSpectrum.Measure(audio.Channels[0], stereo ? audio.Channels[1] : [], audio.SampleRate));
        return Summarize(passes.Complete(), spectrum!);
    }

    /// <summary>
    /// The analysis of a signal whose passes were fed block by block (<see cref="AnalysisPasses"/> with frame powers):
    /// the spectrum frames are read back from <paramref name="audio"/>. Equals <see cref="Analyze(AudioBuffer)"/> of the same signal.
    /// </summary>
    internal static AudioAnalysis Analyze(PassResults passes, IPlanarSource audio)
    {
        ArgumentNullException.ThrowIfNull(passes);
        var frames = passes.Frames ?? throw new ArgumentException("The passes gathered no spectrum frame powers.", nameof(passes));
        return Summarize(passes, StereoSpectrum.Measure(frames, audio));
    }

    private static AudioAnalysis Summarize(PassResults passes, StereoSpectrum spectrum)
    {
        var grid = passes.Grid;
        var channels = passes.Channels;
        var stereo = channels.Length >= 2;
        var cross = passes.Cross;
        var durationSeconds = grid.Length / (double)grid.SampleRate;
        var stereoMeasures = stereo ? new StereoMeasures(cross!) : null;

        var loudness = new LoudnessSeries(channels, grid);
        var truePeak = new float[grid.Count];
        foreach (var c in channels)
        {
            TensorPrimitives.Max(truePeak, c.TruePeak, truePeak);
        }

        var channelTruePeaks = channels.Select(c => grid.Count == 0 ? 0 : (double)TensorPrimitives.Max(c.TruePeak)).ToArray();
        var channelSamplePeaks = channels.Select(c => grid.Count == 0 ? 0 : (double)TensorPrimitives.Max(c.SamplePeak)).ToArray();
        var truePeakDb = Decibels.FromAmplitude(channelTruePeaks.Max());
        var samplePeakDb = Decibels.FromAmplitude(channelSamplePeaks.Max());

        var loudnessModel = new LoudnessAnalysis(
            Decibels.OrNull(loudness.Integrated),
            Math.Round(loudness.Range, 2),
            Decibels.OrNull(loudness.RangeLow),
            Decibels.OrNull(loudness.RangeHigh),
            Decibels.OrNull(truePeakDb),
            Decibels.OrNull(samplePeakDb),
            Decibels.OrNull(loudness.MomentaryMax),
            Decibels.OrNull(loudness.ShortTermMax),
            channelTruePeaks.Select(p => Decibels.OrNull(Decibels.FromAmplitude(p))).ToArray(),
            channelSamplePeaks.Select(p => Decibels.OrNull(Decibels.FromAmplitude(p))).ToArray());
        var dynamics = DynamicsMeasures.Compute(channels, grid, loudness, truePeak, truePeakDb);
        var tonal = SpectrumMeasures.Tonal(spectrum, stereo);
        var stereoModel = stereo
            ? stereoMeasures!.Summarize(channels[0], channels[1], SpectrumMeasures.StereoBands(spectrum))
            : StereoMeasures.Mono();

        var problems = ProblemDetector.Detect(new ProblemDetector.Inputs(
            grid,
            channels,
            truePeak,
            EnvelopeDb(channels, grid),
            loudness.Integrated,
            tonal,
            stereoModel,
            stereo ? stereoMeasures!.LocalCorrelation(channels[0], channels[1], grid) : null));

        return new AudioAnalysis(
            AudioAnalysis.CurrentSchemaVersion,
            Math.Round(durationSeconds, 4),
            grid.SampleRate,
            channels.Length,
            loudnessModel,
            dynamics,
            tonal,
            stereoModel,
            problems,
            new AnalysisSeries(
                SeriesBuilder.ShortTerm(loudness, durationSeconds),
                SeriesBuilder.Momentary(loudness, durationSeconds),
                SeriesBuilder.Waveform(channels, grid)));
    }

    // Loudness-like envelope (dB of the summed K-weighted mean square) per 10 ms sub-block.
    private static double[] EnvelopeDb(ChannelStats[] channels, SubBlockGrid grid)
    {
        var envelope = new double[grid.Count];
        for (var k = 0; k < grid.Count; k++)
        {
            double z = 0;
            foreach (var c in channels)
            {
                z += c.WeightedEnergy[k];
            }

            envelope[k] = LoudnessSeries.Lufs((z / Math.Max(1, grid.SizeOf(k))) + 1e-12);
        }

        return envelope;
    }
}
