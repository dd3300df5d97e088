namespace AiMastering.Jobs.Model.Catalog;

/// <summary>An inclusive range of accepted values.</summary>
public sealed record ValueRange(double Min, double Max)
{
    /// <summary>False for NaN and for values outside [<see cref="Min"/>, <see cref="Max"/>].</summary>
    public bool Contains(double value) => value >= Min && value <= Max;
}
