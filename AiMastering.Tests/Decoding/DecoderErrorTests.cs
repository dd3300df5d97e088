using System.Buffers.Binary;
using AiMastering.Engine;
using AiMastering.Engine.Decoding;
using AiMastering.Testing;

namespace AiMastering.Tests.Decoding;

public sealed class DecoderErrorTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Empty_file_is_refused()
    {
        var path = Path.Combine(dir, "empty.wav");
        File.WriteAllBytes(path, []);
        Expect(path, AudioProblem.EmptyFile);
    }

    [Fact]
    public void Header_without_audio_is_refused()
    {
        var path = Path.Combine(dir, "header-only.wav");
        TestAudioFiles.WriteWav(path, AudioBuffer.Silent(44100, 2, 0), 16, false);
        Expect(path, AudioProblem.NoAudioData);
    }

    [Fact]
    public void Truncated_wav_is_refused()
    {
        var path = Path.Combine(dir, "truncated.wav");
        TestAudioFiles.WriteWav(path, TestAudioFiles.Music(44100, 4), 16, false);
        Truncate(path, 0.5);
        var error = Expect(path, AudioProblem.Truncated);
        error.Message.ShouldContain("0:04.0");
    }

    [Fact]
    public void Truncated_flac_is_refused()
    {
        var wav = Path.Combine(dir, "source.wav");
        var flac = Path.Combine(dir, "truncated.flac");
        TestAudioFiles.WriteWav(wav, TestAudioFiles.Music(44100, 4), 16, false);
        TestAudioFiles.Ffmpeg("-i", wav, flac);
        Truncate(flac, 0.5);
        Expect(flac, AudioProblem.Truncated);
    }

    [Fact]
    public void Non_audio_bytes_are_refused()
    {
        var path = Path.Combine(dir, "notes.wav");
        File.WriteAllText(path, "These are my lyrics, not audio.\n");
        Expect(path, AudioProblem.NotAudio);
    }

    [Fact]
    public void Mp3_data_named_wav_is_a_format_mismatch()
    {
        var wav = Path.Combine(dir, "source.wav");
        var mp3 = Path.Combine(dir, "song.mp3");
        var disguised = Path.Combine(dir, "song.wav");
        TestAudioFiles.WriteWav(wav, TestAudioFiles.Music(44100, 2), 16, false);
        TestAudioFiles.Ffmpeg("-i", wav, "-c:a", "libmp3lame", "-b:a", "128k", mp3);
        File.Copy(mp3, disguised);

        var error = Expect(disguised, AudioProblem.FormatMismatch);
        error.Message.ShouldContain("MP3");
        Expect(mp3, AudioProblem.UnsupportedFormat);
    }

    [Fact]
    public void Absurd_channel_count_is_refused()
    {
        var path = Path.Combine(dir, "channels.wav");
        TestAudioFiles.WriteWav(path, TestAudioFiles.Music(44100, 2), 16, false);
        Patch(path, 22, b => BinaryPrimitives.WriteUInt16LittleEndian(b, 65535));
        Expect(path, AudioProblem.AbsurdHeader).Message.ShouldContain("65535 channels");
    }

    [Fact]
    public void Absurd_data_size_is_refused()
    {
        var path = Path.Combine(dir, "huge.wav");
        TestAudioFiles.WriteWav(path, TestAudioFiles.Music(44100, 2), 16, false);
        Patch(path, 40, b => BinaryPrimitives.WriteUInt32LittleEndian(b, 0xFFFFFFFF));
        Expect(path, AudioProblem.AbsurdHeader);
    }

    [Fact]
    public void Silent_audio_is_refused()
    {
        var path = Path.Combine(dir, "silent.wav");
        TestAudioFiles.WriteWav(path, AudioBuffer.Silent(44100, 2, 44100 * 3), 24, false);
        Expect(path, AudioProblem.Silent);
    }

    [Fact]
    public void Audio_shorter_than_one_second_is_refused()
    {
        var path = Path.Combine(dir, "short.wav");
        TestAudioFiles.WriteWav(path, TestAudioFiles.Music(44100, 0.5), 16, false);
        Expect(path, AudioProblem.TooShort);
    }

    [Fact]
    public void More_than_two_channels_are_refused()
    {
        var path = Path.Combine(dir, "surround.wav");
        TestAudioFiles.WriteWav(path, TestAudioFiles.Music(48000, 1.5, 6), 16, false);
        Expect(path, AudioProblem.TooManyChannels).Message.ShouldContain("6 channels");
    }

    [Fact]
    public void Unsupported_encoding_is_refused()
    {
        var path = Path.Combine(dir, "alaw.wav");
        TestAudioFiles.WriteWav(path, TestAudioFiles.Music(8000, 2), 16, false);
        Patch(path, 20, b => BinaryPrimitives.WriteUInt16LittleEndian(b, 6));
        Expect(path, AudioProblem.UnsupportedEncoding);
    }

    [Fact]
    public void Missing_file_is_refused()
    {
        Expect(Path.Combine(dir, "nope.wav"), AudioProblem.FileNotFound);
    }

    // The long-track path reads in blocks; a musician must get the same refusal from it.
    private static AudioDecodeException Expect(string path, AudioProblem problem)
    {
        var error = Should.Throw<AudioDecodeException>(() => AudioDecoder.Decode(path));
        error.Problem.ShouldBe(problem, error.Message);
        error.Message.ShouldNotBeNullOrWhiteSpace();
        var blockError = Should.Throw<AudioDecodeException>(() => ReadAllBlocks(path));
        blockError.Problem.ShouldBe(problem, blockError.Message);
        blockError.Message.ShouldBe(error.Message);
        return error;
    }

    private static void ReadAllBlocks(string path)
    {
        using var reader = AudioDecoder.OpenBlocks(path);
        var block = Enumerable.Range(0, reader.ChannelCount).Select(_ => new float[1000]).ToArray();
        while (reader.Read(block, 1000) > 0)
        {
        }
    }

    private static void Truncate(string path, double keep)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
    }

    private static void Patch(string path, int offset, Action<Span<byte>> write)
    {
        var bytes = File.ReadAllBytes(path);
        write(bytes.AsSpan(offset));
        File.WriteAllBytes(path, bytes);
    }
}
