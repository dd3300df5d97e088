using AiMastering.Engine;
using AiMastering.Engine.Encoding;
using NAudio.Wave;

namespace AiMastering.UnitTests.Processing;

public sealed class WavWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wavwriter-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(16, 2, false, 1.0 / 32768)]
    [InlineData(16, 2, true, 2.0 / 32768)]
    [InlineData(24, 2, false, 1.0 / 8388608)]
    [InlineData(32, 2, false, 0.0)]
    [InlineData(24, 6, false, 1.0 / 8388608)]
    [InlineData(16, 1, false, 1.0 / 32768)]
    public void Written_file_reads_back_through_NAudio(int bitDepth, int channels, bool dither, double tolerance)
    {
        const int rate = 48000;
        var length = 10001; // odd, and more than two blocks
        var audio = new AudioBuffer(rate, [.. Enumerable.Range(0, channels).Select(c => Signals.Sine(rate, 440 * (c + 1), 0.7, length))]);
        var path = Path.Combine(folder, $"t{bitDepth}-{channels}.wav");

        WavWriter.Write(path, audio, bitDepth, dither);

        using var reader = new WaveFileReader(path);
        reader.WaveFormat.SampleRate.ShouldBe(rate);
        reader.WaveFormat.Channels.ShouldBe(channels);
        reader.WaveFormat.BitsPerSample.ShouldBe(bitDepth);
        reader.WaveFormat.Encoding.ShouldBe(channels > 2 ? WaveFormatEncoding.Extensible : bitDepth == 32 ? WaveFormatEncoding.IeeeFloat : WaveFormatEncoding.Pcm);
        reader.SampleCount.ShouldBe(length);
        var samples = reader.ToSampleProvider();
        var interleaved = new float[length * channels];
        samples.Read(interleaved.AsSpan()).ShouldBe(interleaved.Length);
        for (var i = 0; i < length; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                interleaved[(i * channels) + c].ShouldBe(audio.Channels[c][i], tolerance + 1e-7);
            }
        }
    }

    [Fact]
    public void Samples_beyond_full_scale_are_clamped()
    {
        var audio = new AudioBuffer(44100, [[1.5f, -1.5f, 0.25f]]);
        var path = Path.Combine(folder, "clamp.wav");
        WavWriter.Write(path, audio, 16);
        using var reader = new WaveFileReader(path);
        var buffer = new byte[6];
        reader.ReadExactly(buffer);
        BitConverter.ToInt16(buffer, 0).ShouldBe((short)32767);
        BitConverter.ToInt16(buffer, 2).ShouldBe((short)-32768);
        BitConverter.ToInt16(buffer, 4).ShouldBe((short)8192);
    }
}
