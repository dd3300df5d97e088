namespace AiMastering.Engine.Encoding;

/// <summary>
/// Cuts the preview into segments that LAME encodes in parallel and that are joined frame by frame.
/// <para>
/// Alignment: LAME delays its output by 576 samples and the decoder adds 529, so input sample n comes out of a
/// raw decode (nothing trimmed) at position n + 1105, in frame ⌊(n + 1105) / 1152⌋. The encoder is shift-invariant
/// on its 1152-sample frame grid: fed the same input from sample S = 1152 × m, its frame j is frame m + j of an
/// encode started at 0 — once its analysis filterbank, MDCT overlap and psychoacoustic model have seen a few frames
/// of real input, and as long as the frame does not need input beyond the segment's end. With the bit reservoir off
/// every frame carries all its own data, so frames from different encoders can follow each other. Each later
/// segment therefore starts <see cref="WarmUpFrames"/> frames before its join on the same grid (its first frames
/// are dropped) and each segment but the last is fed <see cref="TailFrames"/> frames past its end (its last frames
/// are dropped). At 48 kHz the joined frames are byte-identical to a single encode; at 44.1 kHz the padding bit falls
/// differently in a few frames (bytes differ, sound does not).
/// </para>
/// <para>
/// Rates MP3 cannot carry are resampled by ffmpeg inside each segment's process; segment starts are then placed so
/// that they fall on whole samples of both rates, and the resampler's own start-up is inside the warm-up.
/// </para>
/// </summary>
internal sealed record Mp3SegmentPlan(int MasterRate, int PreviewRate, int MasterLength, long PreviewLength, IReadOnlyList<Mp3Segment> Segments)
{
    /// <summary>Encoder frames dropped at the start of every segment after the first (≥ 8 × 1152 samples).</summary>
    public const int WarmUpFrames = 8;

    /// <summary>Frames of input given to every segment but the last beyond its last kept frame.</summary>
    public const int TailFrames = 8;

    /// <summary>LAME's encoder delay plus the decoder's: where input sample 0 appears in a raw decode.</summary>
    public const int CodecDelay = 576 + DecoderDelay;

    /// <summary>The MP3 decoder's delay (synthesis filterbank and IMDCT overlap), 528 + 1 samples.</summary>
    public const int DecoderDelay = 529;

    /// <summary>Shortest segment worth its own process, in seconds of audio.</summary>
    public const double MinSegmentSeconds = 20;

    private const int FrameSamples = Mp3FrameHeader.SamplesPerFrame;
    private const int MinSegmentFrames = 4 * WarmUpFrames;
    private const int MaxSegments = 8;

    /// <summary>
    /// Segments for audio of this length on this machine, each at least 20 s: one per core (at most 8) for ffmpeg
    /// processes, whose start-up costs; four per core (at most 16) in this process, so that the cores stay evenly
    /// busy (<see cref="Mp3InProcessPreview"/>) — each join costs only 16 frames encoded twice.
    /// </summary>
    public static int DefaultSegmentCount(double seconds, int processorCount, bool inProcess = false) =>
        Math.Clamp((int)(seconds / MinSegmentSeconds), 1, inProcess ? Math.Clamp(4 * processorCount, 1, 2 * MaxSegments) : Math.Clamp(processorCount, 1, MaxSegments));

    public static Mp3SegmentPlan Create(int masterRate, int masterLength, int previewRate, int segmentCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(masterLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentCount, 1);
        var previewLength = masterRate == previewRate ? masterLength : ((((long)masterLength * previewRate) + (masterRate / 2)) / masterRate);
        var frames = (int)((previewLength + CodecDelay + FrameSamples - 1) / FrameSamples);
        var step = StartStep(masterRate, previewRate);
        segmentCount = Math.Clamp(segmentCount, 1, Math.Max(1, frames / MinSegmentFrames));

        // Joins: the first kept frame of each segment, its encoder starting WarmUpFrames earlier on the common grid.
        var joins = new List<int> { 0 };
        for (var k = 1; k < segmentCount; k++)
        {
            var join = WarmUpFrames + ((((int)((long)k * frames / segmentCount)) - WarmUpFrames) / step * step);
            if (join - joins[^1] >= MinSegmentFrames && frames - join >= MinSegmentFrames)
            {
                joins.Add(join);
            }
        }

        var segments = new List<Mp3Segment>(joins.Count);
        for (var k = 0; k < joins.Count; k++)
        {
            var last = k == joins.Count - 1;
            var first = k == 0 ? 0 : joins[k] - WarmUpFrames;
            int? keepUntil = last ? null : joins[k + 1];
            var previewStart = (long)first * FrameSamples;
            var previewEnd = last ? previewLength : Math.Min(previewLength, (long)(joins[k + 1] + TailFrames) * FrameSamples);
            var inputStart = (int)(previewStart * masterRate / previewRate);
            var inputEnd = last ? masterLength : (int)Math.Min(masterLength, ((previewEnd * masterRate) + previewRate - 1) / previewRate);
            segments.Add(new Mp3Segment(k, inputStart, inputEnd, first, joins[k], keepUntil));
        }

        return new Mp3SegmentPlan(masterRate, previewRate, masterLength, previewLength, segments);
    }

    /// <summary>
    /// Segment starts are multiples of this many frames, so that 1152 × frames preview samples are a whole number
    /// of master samples (1 when the rates are equal or the master rate is a multiple of the preview rate).
    /// </summary>
    public static int StartStep(int masterRate, int previewRate)
    {
        var reduced = previewRate / (int)Gcd(masterRate, previewRate);
        return reduced / (int)Gcd(reduced, FrameSamples);
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
