using System.Buffers;
using System.Runtime.InteropServices;

namespace AiMastering.Engine.Encoding;

/// <summary>Writes a range of planar float audio to a stream as interleaved 32-bit float little-endian (ffmpeg's f32le), block by block.</summary>
internal static class F32lePipe
{
    private const int BlockFrames = 8192;

    public static async Task WriteAsync(Stream output, AudioBuffer audio, int start, int end, float gain, CancellationToken ct)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("f32le piping assumes a little-endian machine.");
        }

        var channels = audio.ChannelCount;
        var bytes = ArrayPool<byte>.Shared.Rent(BlockFrames * channels * sizeof(float));
        try
        {
            for (var at = start; at < end; at += BlockFrames)
            {
                var n = Math.Min(BlockFrames, end - at);
                var length = n * channels * sizeof(float);
                Interleave(audio, at, n, gain, MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, length)));
                await output.WriteAsync(bytes.AsMemory(0, length), ct).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void Interleave(AudioBuffer audio, int start, int count, float gain, Span<float> interleaved)
    {
        var channels = audio.ChannelCount;
        for (var c = 0; c < channels; c++)
        {
            var source = audio.Channels[c].AsSpan(start, count);
            for (int i = 0, o = c; i < source.Length; i++, o += channels)
            {
                interleaved[o] = source[i] * gain;
            }
        }
    }
}
