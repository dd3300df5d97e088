namespace AiMastering.Jobs.Model.Catalog;

/// <summary>
/// A platform's loudness: integrated loudness (ITU-R BS.1770, LUFS) and true-peak ceiling (dBTP).
/// <see cref="Describes"/> is how the explanation names it ("Your mix was 3 dB quieter than …").
/// </summary>
public sealed record LoudnessPreset(string Id, double Lufs, double TruePeakDbtp, string Describes);
