using AiMastering.Engine.Decoding;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace AiMastering.UnitTests.Decoding;

/// <summary>The vectorised PCM conversion gives exactly NAudio's floats, for every byte pattern and any length.</summary>
public sealed class PcmToFloatTests
{
    [Theory]
    [InlineData(16, 0)]
    [InlineData(16, 1)]
    [InlineData(16, 15)]
    [InlineData(16, 4099)]
    [InlineData(24, 0)]
    [InlineData(24, 1)]
    [InlineData(24, 5)]
    [InlineData(24, 6)]
    [InlineData(24, 4099)]
    public void Conversion_is_bit_identical_to_NAudio(int bits, int samples)
    {
        var pcm = new byte[samples * bits / 8];
        new Random(bits + samples).NextBytes(pcm);
        if (pcm.Length >= 6)
        {
            // The extremes: full-scale negative and positive.
            pcm[0] = 0;
            pcm[1] = bits == 16 ? (byte)0x80 : (byte)0;
            pcm[bits / 8] = 0xFF;
            pcm[(bits / 8) + 1] = bits == 16 ? (byte)0x7F : (byte)0xFF;
            if (bits == 24)
            {
                pcm[2] = 0x80;
                pcm[5] = 0x7F;
            }
        }

        var expected = NAudioFloats(pcm, bits, samples);
        var actual = new float[samples + 3];

        PcmToFloat.Convert(pcm, bits, actual).ShouldBe(samples);

        for (var i = 0; i < samples; i++)
        {
            BitConverter.SingleToInt32Bits(actual[i]).ShouldBe(BitConverter.SingleToInt32Bits(expected[i]), $"sample {i}");
        }

        actual[samples..].ShouldAllBe(v => v == 0f, "nothing is written past the samples");
        if (samples >= 2)
        {
            actual[0].ShouldBe(-1f);
            actual[1].ShouldBeLessThan(1f);
        }
    }

    private static float[] NAudioFloats(byte[] pcm, int bits, int samples)
    {
        using var stream = new RawSourceWaveStream(new MemoryStream(pcm), new WaveFormat(48000, bits, 1));
        ISampleProvider provider = bits == 16 ? new Pcm16BitToSampleProvider(stream) : new Pcm24BitToSampleProvider(stream);
        var floats = new float[samples];
        var done = 0;
        int read;
        while (done < samples && (read = provider.Read(floats.AsSpan(done, samples - done))) > 0)
        {
            done += read;
        }

        return floats;
    }
}
