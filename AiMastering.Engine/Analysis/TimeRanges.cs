namespace AiMastering.Engine.Analysis;

/// <summary>Turns flagged instants/intervals into merged, capped time ranges.</summary>
internal static class TimeRanges
{
    public const int MaxRanges = 100;

    /// <summary>Merges intervals (seconds) closer than <paramref name="gapSeconds"/>; keeps at most <see cref="MaxRanges"/>.</summary>
    public static TimeRange[] Merge(IEnumerable<(double Start, double End)> intervals, double gapSeconds)
    {
        var result = new List<TimeRange>();
        double start = double.NaN, end = double.NaN;
        foreach (var (s, e) in intervals.OrderBy(i => i.Start))
        {
            if (double.IsNaN(start))
            {
                (start, end) = (s, e);
            }
            else if (s - end <= gapSeconds)
            {
                end = Math.Max(end, e);
            }
            else
            {
                result.Add(Range(start, end));
                (start, end) = (s, e);
            }
        }

        if (!double.IsNaN(start))
        {
            result.Add(Range(start, end));
        }

        return result.Take(MaxRanges).ToArray();
    }

    public static string Clock(double seconds) =>
        FormattableString.Invariant($"{(int)(seconds / 60)}:{seconds % 60:00.0}");

    private static TimeRange Range(double start, double end) => new(Math.Round(start, 3), Math.Round(end, 3));
}
