using AiMastering.Engine.Encoding.Native;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// LAME in this process with the preview's settings (<see cref="Mp3SegmentEncoder.BitRateKbps"/> CBR, quality
/// <see cref="Mp3SegmentEncoder.Quality"/>, bit reservoir off, joint stereo): the calls ffmpeg's libmp3lame wrapper
/// makes, so the frames are byte-identical to an ffmpeg encode (test: <c>Mp3InProcessCodecTests</c>) without a
/// process, a pipe or a copy of the audio in between.
/// </summary>
internal sealed unsafe class LameEncoder : IDisposable
{
    /// <summary>ffmpeg's libmp3lame wrapper hands LAME floats scaled to 16-bit range; so does this class.</summary>
    public const float Scale = 32768f;

    private readonly LameHandle lame;
    private readonly bool mono;

    /// <param name="writeTag">LAME writes a placeholder frame first; <see cref="TagFrame"/> gives the final Info/LAME tag for it.</param>
    public LameEncoder(int sampleRate, int channels, bool writeTag)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        NativeCodecs.EnsureAvailable();
        mono = channels == 1;
        lame = LameNative.lame_init();
        if (lame.IsInvalid)
        {
            throw new InvalidOperationException("lame_init failed.");
        }

        Check(LameNative.lame_set_num_channels(lame, channels), "channels");
        Check(LameNative.lame_set_mode(lame, mono ? LameNative.Mono : LameNative.JointStereo), "mode");
        Check(LameNative.lame_set_in_samplerate(lame, sampleRate), "input rate");
        Check(LameNative.lame_set_out_samplerate(lame, sampleRate), "output rate");
        Check(LameNative.lame_set_brate(lame, Mp3SegmentEncoder.BitRateKbps), "bit rate");
        Check(LameNative.lame_set_quality(lame, Mp3SegmentEncoder.Quality), "quality");
        Check(LameNative.lame_set_disable_reservoir(lame, 1), "bit reservoir");
        Check(LameNative.lame_set_bWriteVbrTag(lame, writeTag ? 1 : 0), "tag");
        if (LameNative.lame_init_params(lame) < 0)
        {
            lame.Dispose();
            throw new ArgumentException($"LAME refused {sampleRate} Hz, {channels} channel(s) at {Mp3SegmentEncoder.BitRateKbps} kbps.");
        }
    }

    /// <summary>Output room LAME asks for when given <paramref name="samples"/> samples a channel (lame.h: 1.25 n + 7200).</summary>
    public static int OutputBytesFor(int samples) => (samples * 5 / 4) + 7200;

    /// <summary>Encodes samples scaled by <see cref="Scale"/> (right ignored for mono); returns the MP3 bytes written.</summary>
    public int Encode(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<byte> output)
    {
        if (!mono && right.Length != left.Length)
        {
            throw new ArgumentException("Both channels need the same number of samples.", nameof(right));
        }

        if (output.Length < OutputBytesFor(left.Length))
        {
            throw new ArgumentException("LAME needs 1.25 bytes a sample + 7200 of room (it does not check a size of 0).", nameof(output));
        }

        fixed (float* l = left)
        fixed (float* r = mono ? left : right)
        fixed (byte* o = output)
        {
            return Written(LameNative.lame_encode_buffer_float(lame, l, r, left.Length, o, output.Length));
        }
    }

    /// <summary>Encodes what LAME still holds (padding the last frame); returns the bytes written.</summary>
    public int Flush(Span<byte> output)
    {
        if (output.Length < OutputBytesFor(0))
        {
            throw new ArgumentException("LAME needs 7200 bytes of room to flush.", nameof(output));
        }

        fixed (byte* o = output)
        {
            return Written(LameNative.lame_encode_flush(lame, o, output.Length));
        }
    }

    /// <summary>The Info/LAME tag frame for the placeholder written first (after <see cref="Flush"/>).</summary>
    public byte[] TagFrame()
    {
        var buffer = new byte[4096];
        fixed (byte* b = buffer)
        {
            var length = (int)LameNative.lame_get_lametag_frame(lame, b, (nuint)buffer.Length);
            return length is > 0 and <= 4096 ? buffer[..length] : throw new InvalidOperationException("LAME gave no tag frame.");
        }
    }

    public void Dispose() => lame.Dispose();

    private static int Written(int result) => result >= 0
        ? result
        : throw new InvalidOperationException($"LAME failed to encode (error {result}).");

    private void Check(int result, string setting)
    {
        if (result != 0)
        {
            lame.Dispose();
            throw new ArgumentException($"LAME refused the {setting} setting (error {result}).");
        }
    }
}
