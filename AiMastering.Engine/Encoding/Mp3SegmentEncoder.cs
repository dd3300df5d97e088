using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Encodes one <see cref="Mp3Segment"/>: 320 kbps CBR, LAME quality 7, bit reservoir off (every frame
/// self-contained), the first segment with an Info/LAME tag frame, the others without. In this process with
/// <see cref="LameEncoder"/> (<see cref="EncodeInProcess"/>), or with ffmpeg's libmp3lame — the same LAME, the same
/// frames — when the libraries are not there or the master needs resampling (<see cref="EncodeAsync"/>: master
/// samples piped as f32le on stdin; the first segment is written to a file, as ffmpeg writes the tag only on
/// seekable output; the others come back on stdout).
/// </summary>
internal static class Mp3SegmentEncoder
{
    /// <summary>The preview's bit rate, kbps (CBR).</summary>
    public const int BitRateKbps = 320;

    /// <summary>LAME's algorithm quality: 7 is "fast" (at 320 kbps the preview is transparent enough to judge the master).</summary>
    public const int Quality = 7;

    private const int BlockSamples = Mp3FrameHeader.SamplesPerFrame * 8;

    /// <summary>The preview's LAME settings as ffmpeg arguments (with MP3 output).</summary>
    public static IReadOnlyList<string> LameArguments { get; } =
        ["-c:a", "libmp3lame", "-b:a", Invariant(BitRateKbps) + "k", "-compression_level", Invariant(Quality), "-reservoir", "0", "-f", "mp3"];

    /// <summary>The segment encoded by LAME in this process (the master at the preview's rate): the MP3 bytes.</summary>
    public static ReadOnlyMemory<byte> EncodeInProcess(IPlanarSource master, Mp3Segment segment, float gain, CancellationToken ct)
    {
        using var lame = new LameEncoder(master.SampleRate, master.ChannelCount, writeTag: segment.Index == 0);
        var output = EncodeRanges(lame, master, [(segment.InputStart, segment.InputEnd)], gain, ct);
        if (segment.Index == 0)
        {
            // LAME wrote a placeholder frame of the tag's size first; the tag it gives now replaces it.
            var tag = lame.TagFrame();
            if (!Mp3FrameHeader.TryParse(output.Span, out var placeholder) || placeholder.FrameLength != tag.Length)
            {
                throw new InvalidDataException("preview part 1: LAME's tag frame does not fit the frame it reserved for it.");
            }

            tag.CopyTo(output.Span);
        }

        return output;
    }

    /// <summary>
    /// Master samples [Start, End) of each range, back to back, times <paramref name="gain"/>, through
    /// <paramref name="lame"/>, flushed: the MP3 bytes.
    /// </summary>
    public static Memory<byte> EncodeRanges(LameEncoder lame, IPlanarSource master, IReadOnlyList<(int Start, int End)> ranges, float gain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lame);
        var channels = master.ChannelCount;
        var samples = ranges.Sum(r => (long)(r.End - r.Start));
        var blocks = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            blocks[c] = ArrayPool<float>.Shared.Rent(BlockSamples);
        }

        // Room for one more call's worth keeps LAME's own bound.
        var output = new byte[(int)Math.Min(Array.MaxLength, CbrBytesFor(samples, master.SampleRate) + LameEncoder.OutputBytesFor(BlockSamples))];
        var length = 0;
        try
        {
            var scale = gain * LameEncoder.Scale; // (x × gain) × 2^15 rounds as x × gain does: the same floats ffmpeg hands LAME
            foreach (var (start, end) in ranges)
            {
                for (var at = start; at < end; at += BlockSamples)
                {
                    ct.ThrowIfCancellationRequested();
                    var n = Math.Min(BlockSamples, end - at);
                    for (var c = 0; c < channels; c++)
                    {
                        var block = blocks[c].AsSpan(0, n);
                        master.Read(c, at, block);
                        TensorPrimitives.Multiply(block, scale, block);
                    }

                    EnsureRoom(ref output, length, LameEncoder.OutputBytesFor(n));
                    length += lame.Encode(blocks[0].AsSpan(0, n), blocks[channels - 1].AsSpan(0, n), output.AsSpan(length));
                }
            }

            EnsureRoom(ref output, length, LameEncoder.OutputBytesFor(BlockSamples));
            length += lame.Flush(output.AsSpan(length));
        }
        finally
        {
            foreach (var block in blocks)
            {
                ArrayPool<float>.Shared.Return(block);
            }
        }

        return output.AsMemory(0, length);
    }

    private static void EnsureRoom(ref byte[] output, int length, int needed)
    {
        if (output.Length - length < needed)
        {
            Array.Resize(ref output, Math.Max(length + needed, output.Length + (output.Length / 2)));
        }
    }

    /// <summary>The segment encoded by an ffmpeg process (resampling to the preview's rate if needed): the MP3 bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>> EncodeAsync(string ffmpeg, IPlanarSource master, Mp3SegmentPlan plan, Mp3Segment segment, float gain, string firstSegmentPath, CancellationToken ct)
    {
        var arguments = new List<string>
        {
            "-f", "f32le", "-ar", Invariant(master.SampleRate), "-ac", Invariant(master.ChannelCount), "-i", "pipe:0",
        };
        if (plan.PreviewRate != master.SampleRate)
        {
            arguments.AddRange(["-af", "aresample=" + Invariant(plan.PreviewRate)]);
        }

        arguments.AddRange(LameArguments);
        var purpose = $"encode part {segment.Index + 1} of {plan.Segments.Count} of the MP3 preview";
        void Feed(Stream stdin, CancellationToken token) =>
            F32lePipe.Write(stdin, master, segment.InputStart, segment.InputEnd, gain, token);

        if (segment.Index == 0)
        {
            arguments.AddRange(["-write_xing", "1", "-y", firstSegmentPath]);
            await FfmpegProcess.RunAsync(ffmpeg, arguments, purpose, Feed, readOutput: null, ct).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(firstSegmentPath, ct).ConfigureAwait(false);
        }

        arguments.AddRange(["-write_xing", "0", "-id3v2_version", "0", "pipe:1"]);
        var samples = (long)(segment.InputEnd - segment.InputStart) * plan.PreviewRate / master.SampleRate;
        using var encoded = new MemoryStream((int)Math.Min(int.MaxValue / 2, CbrBytesFor(samples, plan.PreviewRate)));
        await FfmpegProcess.RunAsync(ffmpeg, arguments, purpose, Feed, (stdout, _) => stdout.CopyTo(encoded), ct).ConfigureAwait(false);
        return encoded.GetBuffer().AsMemory(0, (int)encoded.Length);
    }

    // The MP3 bytes of this many samples at this rate, CBR (a frame is 144 × bit rate / rate bytes, + 1 when padded), with a few frames to spare.
    private static long CbrBytesFor(long samples, int sampleRate) =>
        ((samples / Mp3FrameHeader.SamplesPerFrame) + 4) * ((144 * BitRateKbps * 1000 / sampleRate) + 1);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
