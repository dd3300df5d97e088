using AiMastering.Engine;
using AiMastering.Engine.Analysis;

namespace AiMastering.UnitTests.Analysis;

/// <summary>Runs the internal loudness stage alone, to read the momentary and short-term series.</summary>
internal static class LoudnessProbe
{
    public static LoudnessSeries Measure(AudioBuffer audio)
    {
        var grid = new SubBlockGrid(audio.SampleRate, audio.Length);
        var stats = audio.Channels.Select(c =>
        {
            var s = new ChannelStats(grid.Count);
            ChannelPass.Run(c, grid, s);
            return s;
        }).ToArray();
        return new LoudnessSeries(stats, grid);
    }
}
