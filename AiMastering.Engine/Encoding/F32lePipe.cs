using System.Buffers;
using System.Runtime.InteropServices;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Planar float audio to and from ffmpeg's f32le (interleaved 32-bit float little-endian) through pipes, block by
/// block, with blocking I/O (<see cref="FfmpegProcess"/> runs each side on its own thread): <see cref="Write"/> feeds
/// an encoder, <see cref="ReadFrames"/> takes a decoder's output.
/// </summary>
internal static class F32lePipe
{
    private const int BlockFrames = 8192;

    /// <summary>Bytes read from a decoder's output at a time.</summary>
    public const int ReadBytes = 1 << 16;

    /// <summary>
    /// Reads interleaved f32le from <paramref name="input"/> to its end and hands over whole frames only (all
    /// <paramref name="channels"/> samples of each), in order; a frame split across reads is kept for the next.
    /// </summary>
    public static void ReadFrames(Stream input, int channels, Action<ReadOnlySpan<float>> take)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(take);
        var frameBytes = channels * sizeof(float);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBytes);
        try
        {
            var filled = 0;
            int read;
            while ((read = input.Read(buffer.AsSpan(filled, ReadBytes - filled))) > 0)
            {
                filled += read;
                var whole = filled / frameBytes;
                take(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, whole * frameBytes)));
                var rest = filled - (whole * frameBytes);
                buffer.AsSpan(whole * frameBytes, rest).CopyTo(buffer);
                filled = rest;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Samples [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="audio"/> (a buffer, or a WAV file read block by block), times <paramref name="gain"/>.</summary>
    public static void Write(Stream output, IPlanarSource audio, int start, int end, float gain, CancellationToken ct)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("f32le piping assumes a little-endian machine.");
        }

        var channels = audio.ChannelCount;
        var bytes = ArrayPool<byte>.Shared.Rent(BlockFrames * channels * sizeof(float));
        var blocks = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            blocks[c] = ArrayPool<float>.Shared.Rent(BlockFrames);
        }

        try
        {
            for (var at = start; at < end; at += BlockFrames)
            {
                ct.ThrowIfCancellationRequested();
                var n = Math.Min(BlockFrames, end - at);
                var length = n * channels * sizeof(float);
                Interleave(audio, at, n, gain, blocks, MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, length)));
                output.Write(bytes.AsSpan(0, length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            foreach (var block in blocks)
            {
                ArrayPool<float>.Shared.Return(block);
            }
        }
    }

    private static void Interleave(IPlanarSource audio, int start, int count, float gain, float[][] blocks, Span<float> interleaved)
    {
        var channels = audio.ChannelCount;
        for (var c = 0; c < channels; c++)
        {
            audio.Read(c, start, blocks[c].AsSpan(0, count));
        }

        Interleaving.Interleave(blocks, count, gain, interleaved);
    }
}
