namespace AiMastering.Jobs.Model.Catalog;

/// <summary>
/// How far processing may depart from the mix, as the engine's intensity level: 0 is the gentlest setting of every
/// rule, 1 the middle, 2 the strongest; levels in between interpolate.
/// </summary>
public sealed record IntensityChoice(string Id, double Level);
