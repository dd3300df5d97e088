using System.Runtime.InteropServices;
using AiMastering.Engine.Encoding.Native;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// libmpg123 in this process, fed raw MP3 frames (no tag, so nothing is trimmed), giving interleaved 32-bit float:
/// every frame's 1152 samples at the same positions as ffmpeg's decoder, values within float rounding of it (test:
/// <c>Mp3InProcessCodecTests</c>), without a process or a pipe for the decoded audio.
/// </summary>
internal sealed unsafe class Mpg123Decoder : IDisposable
{
    private const int InputChunk = 1 << 16;
    private readonly Mpg123Handle decoder;
    private readonly int channels;

    public Mpg123Decoder(int sampleRate, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        NativeCodecs.EnsureAvailable(); // also ran mpg123_init (needed before 1.27)
        this.channels = channels;
        int error;
        decoder = Mpg123Native.mpg123_new(0, &error);
        if (decoder.IsInvalid)
        {
            throw new InvalidOperationException($"mpg123_new failed: {Message(error)}");
        }

        Check(Mpg123Native.mpg123_param(decoder, Mpg123Native.AddFlags, new CLong(Mpg123Native.Quiet), 0));
        Check(Mpg123Native.mpg123_format_none(decoder));
        Check(Mpg123Native.mpg123_format(decoder, new CLong(sampleRate), channels, Mpg123Native.EncodingFloat32));
        Check(Mpg123Native.mpg123_open_feed(decoder));
    }

    /// <summary>
    /// Decodes <paramref name="mp3"/> and hands the samples over, interleaved, whole sample frames at a time; call again
    /// with the bytes that follow (the decoder carries on where the last call stopped).
    /// </summary>
    public void Decode(ReadOnlySpan<byte> mp3, Action<ReadOnlySpan<float>> take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(take);
        var output = new float[Mp3FrameHeader.SamplesPerFrame * channels * 8];
        var frameBytes = channels * sizeof(float);
        fixed (byte* input = mp3)
        fixed (float* o = output)
        {
            for (var at = 0; at < mp3.Length; at += InputChunk)
            {
                ct.ThrowIfCancellationRequested();
                var feed = input + at;
                var length = (nuint)Math.Min(InputChunk, mp3.Length - at);
                while (true)
                {
                    nuint done;
                    var result = Mpg123Native.mpg123_decode(decoder, feed, length, (byte*)o, (nuint)(output.Length * sizeof(float)), &done);
                    feed = null;
                    length = 0;
                    if ((int)done % frameBytes != 0)
                    {
                        throw new InvalidDataException("libmpg123 returned part of a sample frame.");
                    }

                    if (done > 0)
                    {
                        take(output.AsSpan(0, (int)done / sizeof(float)));
                    }

                    if (result == Mpg123Native.NeedMore)
                    {
                        break;
                    }

                    if (result is not (Mpg123Native.Ok or Mpg123Native.NewFormat))
                    {
                        throw new InvalidDataException($"libmpg123 could not decode the MP3 preview: {Message(result)}");
                    }
                }
            }
        }
    }

    public void Dispose() => decoder.Dispose();

    private static string Message(int error) => Marshal.PtrToStringUTF8(Mpg123Native.mpg123_plain_strerror(error)) ?? $"error {error}";

    private void Check(int result)
    {
        if (result != Mpg123Native.Ok)
        {
            decoder.Dispose();
            throw new InvalidOperationException($"libmpg123 refused a setting: {Message(result)}");
        }
    }
}
