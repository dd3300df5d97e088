using AiMastering.Engine;

namespace AiMastering.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Silent_buffer_has_requested_shape()
    {
        var buffer = AudioBuffer.Silent(48000, 2, 4800);
        buffer.ChannelCount.ShouldBe(2);
        buffer.Length.ShouldBe(4800);
        buffer.DurationSeconds.ShouldBe(0.1, 1e-9);
    }
}
