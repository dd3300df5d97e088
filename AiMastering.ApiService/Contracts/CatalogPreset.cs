namespace AiMastering.ApiService.Contracts;

/// <summary>A loudness preset: integrated loudness (LUFS) and true-peak ceiling (dBTP).</summary>
public sealed record CatalogPreset(string Id, double Lufs, double TruePeakDbtp, string LabelKey);
