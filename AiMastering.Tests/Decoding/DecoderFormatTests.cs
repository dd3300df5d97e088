using AiMastering.Engine;
using AiMastering.Engine.Decoding;
using AiMastering.Testing;

namespace AiMastering.Tests.Decoding;

public sealed class DecoderFormatTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();
    private readonly AudioBuffer original = TestAudioFiles.Music(44100, 2.0);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("pcm16.wav", 16, false, false)]
    [InlineData("pcm24.wav", 24, false, false)]
    [InlineData("pcm32.wav", 32, false, false)]
    [InlineData("float32.wav", 32, true, false)]
    [InlineData("pcm24-extensible.wav", 24, false, true)]
    [InlineData("float32-extensible.wav", 32, true, true)]
    public void Wav_decodes_to_the_same_samples_within_quantisation(string name, int bits, bool isFloat, bool extensible)
    {
        var path = Path.Combine(dir, name);
        TestAudioFiles.WriteWav(path, original, bits, isFloat, extensible);

        var probe = AudioDecoder.Probe(path);
        var decoded = AudioDecoder.Decode(path);

        probe.Container.ShouldBe(AudioContainer.Wav);
        probe.BitsPerSample.ShouldBe(bits);
        probe.IsFloat.ShouldBe(isFloat);
        probe.Frames.ShouldBe(original.Length);
        ShouldMatch(decoded, isFloat ? 0 : QuantisationStep(bits));
        BlocksShouldEqual(path, decoded);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    public void Aiff_decodes_to_the_same_samples_within_quantisation(int bits)
    {
        var path = Path.Combine(dir, $"pcm{bits}.aiff");
        TestAudioFiles.WriteAiff(path, original, bits);

        var probe = AudioDecoder.Probe(path);
        var decoded = AudioDecoder.Decode(path);

        probe.Container.ShouldBe(AudioContainer.Aiff);
        probe.SampleRate.ShouldBe(44100);
        ShouldMatch(decoded, QuantisationStep(bits));
        BlocksShouldEqual(path, decoded);
    }

    [Theory]
    [InlineData(16, "s16")]
    [InlineData(24, "s32")]
    public void Flac_made_by_ffmpeg_decodes_to_the_same_samples_within_quantisation(int bits, string sampleFormat)
    {
        var wav = Path.Combine(dir, $"source{bits}.wav");
        var flac = Path.Combine(dir, $"music{bits}.flac");
        TestAudioFiles.WriteWav(wav, original, bits, false);
        TestAudioFiles.Ffmpeg("-i", wav, "-sample_fmt", sampleFormat, "-bits_per_raw_sample", bits.ToString(System.Globalization.CultureInfo.InvariantCulture), flac);

        var probe = AudioDecoder.Probe(flac);
        var decoded = AudioDecoder.Decode(flac);

        probe.Container.ShouldBe(AudioContainer.Flac);
        probe.BitsPerSample.ShouldBe(bits);
        probe.Frames.ShouldBe(original.Length);
        ShouldMatch(decoded, QuantisationStep(bits));
        BlocksShouldEqual(flac, decoded);
    }

    [Theory]
    [InlineData("pcm_s16le", "sowt.aifc", 16)]
    [InlineData("pcm_f32be", "fl32.aiff", 0)]
    public void Aifc_variants_made_by_ffmpeg_decode_to_the_same_samples(string codec, string name, int bits)
    {
        var wav = Path.Combine(dir, "source-float.wav");
        var aifc = Path.Combine(dir, name);
        TestAudioFiles.WriteWav(wav, original, 32, true);
        TestAudioFiles.Ffmpeg("-i", wav, "-c:a", codec, aifc);

        var decoded = AudioDecoder.Decode(aifc);

        AudioDecoder.Probe(aifc).Container.ShouldBe(AudioContainer.Aiff);
        ShouldMatch(decoded, bits == 0 ? 0 : 2 * QuantisationStep(bits));
        BlocksShouldEqual(aifc, decoded);
    }

    [Theory]
    [InlineData(8000, 1)]
    [InlineData(22050, 2)]
    [InlineData(96000, 2)]
    [InlineData(192000, 1)]
    public void Rates_from_8_to_192_kHz_mono_and_stereo_decode(int rate, int channels)
    {
        var audio = TestAudioFiles.Music(rate, 1.5, channels);
        var path = Path.Combine(dir, $"r{rate}.wav");
        TestAudioFiles.WriteWav(path, audio, 24, false);

        var decoded = AudioDecoder.Decode(path);

        decoded.SampleRate.ShouldBe(rate);
        decoded.ChannelCount.ShouldBe(channels);
        decoded.Length.ShouldBe(audio.Length);
        BlocksShouldEqual(path, decoded);
    }

    // The long-track path reads the file in blocks; it must see exactly the samples of the whole-file decode.
    private static void BlocksShouldEqual(string path, AudioBuffer decoded)
    {
        using var reader = AudioDecoder.OpenBlocks(path);
        reader.SampleRate.ShouldBe(decoded.SampleRate);
        reader.ChannelCount.ShouldBe(decoded.ChannelCount);
        var block = Enumerable.Range(0, reader.ChannelCount).Select(_ => new float[7777]).ToArray();
        var position = 0;
        int n;
        while ((n = reader.Read(block, block[0].Length)) > 0)
        {
            for (var c = 0; c < reader.ChannelCount; c++)
            {
                block[c].AsSpan(0, n).SequenceEqual(decoded.Channels[c].AsSpan(position, n)).ShouldBeTrue($"channel {c} at {position}");
            }

            position += n;
        }

        position.ShouldBe(decoded.Length);
    }

    private static double QuantisationStep(int bits) => 1.0 / (1L << (bits - 1));

    private void ShouldMatch(AudioBuffer decoded, double step)
    {
        decoded.SampleRate.ShouldBe(original.SampleRate);
        decoded.ChannelCount.ShouldBe(original.ChannelCount);
        decoded.Length.ShouldBe(original.Length);
        for (var c = 0; c < original.ChannelCount; c++)
        {
            var worst = 0.0;
            for (var i = 0; i < original.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(decoded.Channels[c][i] - original.Channels[c][i]));
            }

            worst.ShouldBeLessThanOrEqualTo((step * 0.5) + 1e-7, $"channel {c}");
        }
    }
}
