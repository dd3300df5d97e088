using System.Buffers;
using System.Runtime.InteropServices;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Decodes the joined preview with ffmpeg, in parallel parts, into planar float at the preview's own rate and
/// exact length — what a gapless player outputs. Each part is fed its frames raw (no tag) on stdin, preceded by
/// <see cref="WarmUpFrames"/> frames whose output is dropped: without a bit reservoir the decoder's state (IMDCT
/// overlap, synthesis filterbank) depends on the previous frame only, so every part comes out bit-identical to
/// the same samples of a whole-file decode.
/// </summary>
internal static class Mp3PreviewDecoder
{
    public const int WarmUpFrames = 2;

    private const int ReadBytes = 1 << 16;

    public static async Task<AudioBuffer> DecodeAsync(string ffmpeg, JoinedMp3 mp3, int parts, CancellationToken ct)
    {
        var planar = new float[mp3.Channels][];
        for (var c = 0; c < planar.Length; c++)
        {
            planar[c] = new float[mp3.Samples];
        }

        var frames = mp3.Frames.Count;
        parts = Math.Clamp(parts, 1, Math.Max(1, frames / (4 * WarmUpFrames)));
        await FailFast.WhenAllAsync(
            Enumerable.Range(0, parts).Select(p => (Func<CancellationToken, Task<bool>>)(async token =>
            {
                await DecodePartAsync(ffmpeg, mp3, (int)((long)p * frames / parts), (int)((long)(p + 1) * frames / parts), planar, token).ConfigureAwait(false);
                return true;
            })),
            ct).ConfigureAwait(false);
        return new AudioBuffer(mp3.SampleRate, planar);
    }

    /// <summary>Decodes frames [<paramref name="from"/>, <paramref name="until"/>) into their place in <paramref name="planar"/>.</summary>
    private static async Task DecodePartAsync(string ffmpeg, JoinedMp3 mp3, int from, int until, float[][] planar, CancellationToken ct)
    {
        var fed = Math.Max(0, from - WarmUpFrames);
        var bytes = mp3.Audio.AsMemory(mp3.Frames[fed].Offset, mp3.Frames[until - 1].End - mp3.Frames[fed].Offset);
        var sink = new PlanarSink(planar, firstRawSample: (long)fed * Mp3FrameHeader.SamplesPerFrame, keepFrom: (long)from * Mp3FrameHeader.SamplesPerFrame, rawOffset: mp3.RawOffset);
        await FfmpegProcess.RunAsync(
            ffmpeg,
            ["-f", "mp3", "-i", "pipe:0", "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1"],
            "decode the MP3 preview",
            (stdin, token) => stdin.WriteAsync(bytes, token).AsTask(),
            sink.ReadAsync,
            ct).ConfigureAwait(false);
        var expected = (long)(until - fed) * Mp3FrameHeader.SamplesPerFrame;
        if (sink.RawSamples != expected)
        {
            throw new InvalidDataException($"ffmpeg decoded {sink.RawSamples} samples from {until - fed} MP3 frames; {expected} were expected.");
        }
    }

    /// <summary>Takes ffmpeg's interleaved output and puts raw sample r at preview position r − delay, within the part's own frames.</summary>
    private sealed class PlanarSink(float[][] planar, long firstRawSample, long keepFrom, int rawOffset)
    {
        public long RawSamples { get; private set; }

        public async Task ReadAsync(Stream stdout, CancellationToken ct)
        {
            var channels = planar.Length;
            var frameBytes = channels * sizeof(float);
            var buffer = ArrayPool<byte>.Shared.Rent(ReadBytes);
            try
            {
                var filled = 0;
                int read;
                while ((read = await stdout.ReadAsync(buffer.AsMemory(filled, ReadBytes - filled), ct).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                    var whole = filled / frameBytes;
                    Scatter(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, whole * frameBytes)));
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

        private void Scatter(ReadOnlySpan<float> interleaved)
        {
            var channels = planar.Length;
            var count = interleaved.Length / channels;
            var raw = firstRawSample + RawSamples;
            RawSamples += count;

            // Skip the warm-up frames and the codec delay; stop at the preview's end.
            var skip = Math.Max(Math.Max(keepFrom, rawOffset) - raw, 0);
            var target = raw + skip - rawOffset;
            var take = Math.Min(count - skip, planar[0].Length - target);
            for (var c = 0; c < channels; c++)
            {
                var destination = planar[c];
                for (long i = skip, o = target; i < skip + take; i++, o++)
                {
                    destination[o] = interleaved[(int)(i * channels) + c];
                }
            }
        }
    }
}
