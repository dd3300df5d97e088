using AiMastering.Engine.Encoding;

namespace AiMastering.UnitTests.Encoding;

/// <summary>
/// The parts of a preview cover it exactly once on one frame grid: each part starts on a whole number of samples of
/// both the master's and the preview's rate, warms up for 8 frames before its join and is fed past its end.
/// </summary>
public sealed class Mp3SegmentPlanTests
{
    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(32000)]
    [InlineData(96000)]
    [InlineData(88200)]
    [InlineData(22050)]
    [InlineData(37800)]
    [InlineData(192000)]
    public void Parts_tile_the_preview_on_one_frame_grid(int masterRate)
    {
        var previewRate = Mp3PreviewEncoder.PreviewSampleRate(masterRate);
        var random = new Random(masterRate);
        for (var trial = 0; trial < 200; trial++)
        {
            var length = random.Next(masterRate / 2, masterRate * 600);
            var count = random.Next(1, 9);

            var plan = Mp3SegmentPlan.Create(masterRate, length, previewRate, count);

            var segments = plan.Segments;
            segments.Count.ShouldBeInRange(1, count);
            (segments[0].InputStart, segments[0].FirstFrame, segments[0].KeepFrom).ShouldBe((0, 0, 0));
            segments[^1].InputEnd.ShouldBe(length);
            segments[^1].KeepUntil.ShouldBeNull();
            for (var k = 1; k < segments.Count; k++)
            {
                var s = segments[k];
                s.KeepFrom.ShouldBe(segments[k - 1].KeepUntil!.Value, "no gap, no overlap");
                s.WarmUpFrames.ShouldBe(Mp3SegmentPlan.WarmUpFrames);
                ((long)s.InputStart * previewRate).ShouldBe((long)s.FirstFrame * 1152 * masterRate, "starts on the grid, on a whole sample of both rates");
                var previous = segments[k - 1];
                var fedUntil = (long)previous.InputEnd * previewRate;
                fedUntil.ShouldBeGreaterThanOrEqualTo(Math.Min(plan.PreviewLength, (long)(s.KeepFrom + Mp3SegmentPlan.TailFrames) * 1152) * masterRate, "fed past its last kept frame");
                (s.KeepFrom - previous.KeepFrom).ShouldBeGreaterThanOrEqualTo(32);
            }
        }
    }

    [Theory]
    [InlineData(300, 2, 2)]
    [InlineData(300, 16, 8)]
    [InlineData(60, 16, 3)]
    [InlineData(25, 2, 1)]
    [InlineData(5, 2, 1)]
    [InlineData(300, 1, 1)]
    public void One_part_per_core_each_at_least_20_seconds(double seconds, int cores, int expected) =>
        Mp3SegmentPlan.DefaultSegmentCount(seconds, cores).ShouldBe(expected);

    [Theory]
    [InlineData(300, 2, 8)]
    [InlineData(300, 16, 15)]
    [InlineData(3600, 16, 16)]
    [InlineData(90, 2, 4)]
    [InlineData(25, 2, 1)]
    [InlineData(300, 1, 4)]
    public void In_process_four_parts_per_core_each_at_least_20_seconds(double seconds, int cores, int expected) =>
        Mp3SegmentPlan.DefaultSegmentCount(seconds, cores, inProcess: true).ShouldBe(expected);

    [Theory]
    [InlineData(44100, 44100)]
    [InlineData(48000, 48000)]
    [InlineData(32000, 32000)]
    [InlineData(88200, 44100)]
    [InlineData(176400, 44100)]
    [InlineData(22050, 44100)]
    [InlineData(96000, 48000)]
    [InlineData(192000, 48000)]
    [InlineData(16000, 48000)]
    public void Preview_rate_is_one_mp3_carries(int master, int preview) =>
        Mp3PreviewEncoder.PreviewSampleRate(master).ShouldBe(preview);
}
