namespace AiMastering.Engine.Analysis;

/// <summary>
/// Integrated loudness (ITU-R BS.1770-4, gated) and true peak (4× oversampled, BS.1770 Annex 2) only: the
/// analysis engine's own loudness and true-peak passes without the spectrum, for the mastering closed loop.
/// </summary>
internal static class LoudnessMeter
{
    public readonly record struct Reading(double IntegratedLufs, double TruePeakDbtp);

    public static Reading Measure(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var grid = new SubBlockGrid(audio.SampleRate, audio.Length);
        var channels = audio.Channels.Select(_ => new ChannelStats(grid.Count)).ToArray();
        var work = new List<Action>();
        if (audio.ChannelCount == 2)
        {
            var cross = new double[grid.Count];
            work.Add(() => ChannelPass.RunStereo(audio.Channels[0], audio.Channels[1], grid, channels[0], channels[1], cross));
        }
        else
        {
            for (var c = 0; c < audio.ChannelCount; c++)
            {
                var index = c;
                work.Add(() => ChannelPass.Run(audio.Channels[index], grid, channels[index]));
            }
        }

        for (var c = 0; c < audio.ChannelCount; c++)
        {
            var index = c;
            work.Add(() => TruePeakMeter.Run(audio.Channels[index], grid, channels[index].TruePeak));
        }

        Parallel.Invoke([.. work]);
        var loudness = new LoudnessSeries(channels, grid);
        var peak = channels.Max(c => c.TruePeak.Length == 0 ? 0f : System.Numerics.Tensors.TensorPrimitives.Max(c.TruePeak));
        return new Reading(loudness.Integrated, Db.FromAmplitude(peak));
    }
}
