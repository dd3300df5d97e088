namespace AiMastering.Engine.Analysis;

/// <summary>The five tonal-balance bands of the report.</summary>
internal static class ToneBands
{
    public const double LowestHz = 20;
    public const double HighestHz = 20000;

    public static readonly (string Name, double LowHz, double HighHz)[] All =
    [
        ("sub", 20, 60),
        ("bass", 60, 250),
        ("lowMids", 250, 2000),
        ("highMids", 2000, 6000),
        ("highs", 6000, 20000),
    ];
}
