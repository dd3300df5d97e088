using AiMastering.Engine.Analysis;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Measures the joined preview's true peak (BS.1770 4×, the analysis engine's meter) as it is decoded — by
/// libmpg123 in this process (<see cref="Mpg123Decoder"/>) or by ffmpeg processes — in parallel parts, at the
/// preview's own rate and exact length — what a gapless player outputs — without holding the decoded audio. Each part is fed its frames raw (no tag) on stdin, preceded by
/// <see cref="WarmUpFrames"/> frames whose output is dropped: without a bit reservoir the decoder's state (IMDCT
/// overlap, synthesis filterbank) depends on the previous frame only, so every part comes out bit-identical to
/// the same samples of a whole-file decode.
/// </summary>
internal static class Mp3PreviewDecoder
{
    public const int WarmUpFrames = 2;

    /// <summary>ffmpeg arguments that decode MP3 frames on stdin to f32le on stdout.</summary>
    public static readonly string[] DecodeArguments = ["-f", "mp3", "-i", "pipe:0", "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1"];

    /// <summary>The preview's true peak in dBTP: the same value as the meter gives for the whole decoded preview.</summary>
    /// <param name="ffmpeg">The ffmpeg executable, or null to decode with libmpg123 in this process.</param>
    public static async Task<double> TruePeakDbtpAsync(string? ffmpeg, JoinedMp3 mp3, int parts, CancellationToken ct)
    {
        var frames = mp3.Frames.Count;
        parts = Math.Clamp(parts, 1, Math.Max(1, frames / (4 * WarmUpFrames)));
        var peaks = await FailFast.WhenAllAsync(
            Enumerable.Range(0, parts).Select(p => (Func<CancellationToken, Task<float>>)(token =>
                PartPeakAsync(ffmpeg, mp3, (int)((long)p * frames / parts), (int)((long)(p + 1) * frames / parts), p == 0, p == parts - 1, token))),
            ct).ConfigureAwait(false);
        var peak = peaks.Max();
        return peak <= 0 ? double.NegativeInfinity : 20 * Math.Log10(peak);
    }

    /// <summary>
    /// Decodes, with libmpg123, stream frames [<paramref name="fed"/>, <paramref name="until"/>) of the joined preview
    /// (<paramref name="pieces"/>: their bytes, in order) and returns the linear true peak of the preview samples that frames
    /// [<paramref name="from"/>, <paramref name="until"/>) carry, as <see cref="TruePeakDbtpAsync"/> measures them.
    /// </summary>
    public static float MeasureInProcess(IReadOnlyList<ReadOnlyMemory<byte>> pieces, int sampleRate, int channels, long previewSamples, int fed, int from, int until, int rawOffset, bool first, bool last, CancellationToken ct)
    {
        var sink = new PeakSink(channels, previewSamples, firstRawSample: (long)fed * Mp3FrameHeader.SamplesPerFrame, keepFrom: (long)from * Mp3FrameHeader.SamplesPerFrame, rawOffset, first, last);
        using (var decoder = new Mpg123Decoder(sampleRate, channels))
        {
            foreach (var piece in pieces)
            {
                decoder.Decode(piece.Span, sink.Take, ct);
            }
        }

        CheckAllDecoded(sink, fed, until);
        return sink.Complete();
    }

    /// <summary>Decodes frames [<paramref name="from"/>, <paramref name="until"/>) and measures their samples' true peak.</summary>
    private static async Task<float> PartPeakAsync(string? ffmpeg, JoinedMp3 mp3, int from, int until, bool first, bool last, CancellationToken ct)
    {
        var fed = Math.Max(0, from - WarmUpFrames);
        var bytes = mp3.Audio.AsMemory(mp3.Frames[fed].Offset, mp3.Frames[until - 1].End - mp3.Frames[fed].Offset);
        if (ffmpeg is null)
        {
            return await Task.Factory.StartNew(
                () => MeasureInProcess([bytes], mp3.SampleRate, mp3.Channels, mp3.Samples, fed, from, until, mp3.RawOffset, first, last, ct),
                ct,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }

        var sink = new PeakSink(mp3.Channels, mp3.Samples, firstRawSample: (long)fed * Mp3FrameHeader.SamplesPerFrame, keepFrom: (long)from * Mp3FrameHeader.SamplesPerFrame, rawOffset: mp3.RawOffset, first, last);
        await FfmpegProcess.RunAsync(
            ffmpeg,
            DecodeArguments,
            "decode the MP3 preview",
            (stdin, _) => stdin.Write(bytes.Span),
            (stdout, _) => sink.Read(stdout),
            ct).ConfigureAwait(false);
        CheckAllDecoded(sink, fed, until);
        return sink.Complete();
    }

    private static void CheckAllDecoded(PeakSink sink, int fed, int until)
    {
        var expected = (long)(until - fed) * Mp3FrameHeader.SamplesPerFrame;
        if (sink.RawSamples != expected)
        {
            throw new InvalidDataException($"The decoder gave {sink.RawSamples} samples for {until - fed} MP3 frames; {expected} were expected.");
        }
    }

    /// <summary>
    /// Takes the decoder's interleaved output (raw sample r is preview position r − delay) and measures the part's own
    /// positions in blocks. Each sample's value needs <see cref="TruePeakMeter.ContextBefore"/> neighbours before and
    /// <see cref="TruePeakMeter.ContextAfter"/> after: the first part starts with zeros (as the whole-preview meter does),
    /// a later part also reads the samples just before its own from its warm-up frames and measures the last
    /// ContextAfter samples of the part before it, and the last part ends with zeros.
    /// </summary>
    private sealed class PeakSink
    {
        private const int Capacity = 1 << 15;
        private readonly float[][] buffers;
        private readonly long firstRawSample;
        private readonly int rawOffset;
        private readonly long lowest;
        private readonly long total;
        private readonly bool last;
        private int length;
        private float peak;

        public PeakSink(int channels, long total, long firstRawSample, long keepFrom, int rawOffset, bool first, bool last)
        {
            var context = TruePeakMeter.ContextBefore + TruePeakMeter.ContextAfter;
            buffers = [.. Enumerable.Range(0, channels).Select(_ => new float[Capacity + context])];
            this.firstRawSample = firstRawSample;
            this.rawOffset = rawOffset;
            this.total = total;
            this.last = last;
            var start = Math.Max(keepFrom, rawOffset) - rawOffset;
            lowest = first ? 0 : start - context;
            length = first ? TruePeakMeter.ContextBefore : 0; // leading zeros: nothing precedes the preview
        }

        public long RawSamples { get; private set; }

        public void Read(Stream stdout) => F32lePipe.ReadFrames(stdout, buffers.Length, Take);

        /// <summary>Measures what is left (the last part with trailing zeros) and returns the part's linear true peak.</summary>
        public float Complete()
        {
            if (last)
            {
                foreach (var b in buffers)
                {
                    Array.Clear(b, length, TruePeakMeter.ContextAfter);
                }

                length += TruePeakMeter.ContextAfter;
            }

            Measure();
            return peak;
        }

        public void Take(ReadOnlySpan<float> interleaved)
        {
            var channels = buffers.Length;
            var count = interleaved.Length / channels;
            var raw = firstRawSample + RawSamples;
            RawSamples += count;

            // This chunk's samples i have preview positions raw + i − rawOffset; keep those in [lowest, total).
            var from = (int)Math.Clamp(lowest - (raw - rawOffset), 0, count);
            var until = (int)Math.Clamp(total - (raw - rawOffset), from, count);
            while (from < until)
            {
                var n = Math.Min(until - from, buffers[0].Length - length);
                Interleaving.Deinterleave(interleaved[(from * channels)..], buffers, length, n);
                length += n;
                from += n;
                if (length == buffers[0].Length)
                {
                    Measure();
                }
            }
        }

        // Measures every buffered sample whose neighbours are all buffered, then keeps the context for the next block.
        private void Measure()
        {
            var from = TruePeakMeter.ContextBefore;
            var until = length - TruePeakMeter.ContextAfter;
            if (until <= from)
            {
                return;
            }

            foreach (var b in buffers)
            {
                peak = Math.Max(peak, TruePeakMeter.MaxOfRange(b, from, until - from));
            }

            var keep = TruePeakMeter.ContextBefore + TruePeakMeter.ContextAfter;
            foreach (var b in buffers)
            {
                Array.Copy(b, length - keep, b, 0, keep);
            }

            length = keep;
        }
    }
}
