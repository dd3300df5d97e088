namespace AiMastering.Engine.Analysis;

/// <summary>
/// The 10 ms grid every time-based measure is built on: sub-block k spans samples
/// [round(k*fs/100), round((k+1)*fs/100)). BS.1770 gating blocks (400 ms, 75 % overlap) are
/// 40 sub-blocks stepped by 10, short-term windows 300 sub-blocks; the fine grid lets the momentary
/// and short-term maxima be found within 5 ms of any burst position (EBU Tech 3341 cases 10 and 13).
/// </summary>
internal sealed class SubBlockGrid
{
    public const int PerSecond = 100;

    public SubBlockGrid(int sampleRate, int length)
    {
        SampleRate = sampleRate;
        Length = length;
        Count = CountFor(sampleRate, length);
        Starts = new int[Count + 1];
        for (var k = 0; k <= Count; k++)
        {
            Starts[k] = (int)Math.Min(length, Boundary(sampleRate, k));
        }

        Starts[Count] = length;
    }

    public int SampleRate { get; }

    public int Length { get; }

    public int Count { get; }

    /// <summary>Start sample of each sub-block; <c>Starts[Count]</c> is the signal length.</summary>
    public int[] Starts { get; }

    public int SizeOf(int k) => Starts[k + 1] - Starts[k];

    public static double TimeOf(int k) => k / (double)PerSecond;

    /// <summary>Start sample of sub-block <paramref name="k"/> before clipping to the length (what a block-fed pass uses while the length is still unknown).</summary>
    public static long Boundary(int sampleRate, long k) => (long)Math.Round(k * (double)sampleRate / PerSecond);

    /// <summary>
    /// Sub-blocks of a signal of <paramref name="length"/> samples. Sample p lies in a sub-block k with k·fs/100 ≤ p + ½,
    /// so every sub-block that samples [0, length) touch is below this count: it is also the room a block-fed pass needs.
    /// </summary>
    public static int CountFor(int sampleRate, long length) => (int)Math.Ceiling(length * (double)PerSecond / sampleRate);
}
