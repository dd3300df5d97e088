namespace AiMastering.Engine.Mastering;

/// <summary>
/// How loud the closed loop should make the master, decided from the mix and the pre-limiter stage:
/// <see cref="EffectiveLufs"/> is below <see cref="RequestedLufs"/> when a rule stopped short;
/// <see cref="MaxGainDb"/> caps the gain into the limiter (no loudness push on already-limited mixes).
/// </summary>
internal sealed record LoudnessPlan(
    double RequestedLufs,
    double EffectiveLufs,
    double CeilingDbtp,
    string Source,
    double MixLufs,
    double MixPlrDb,
    double PreLufs,
    double PreTruePeakDbtp,
    double? MaxGainDb,
    bool AlreadyLoud,
    bool MixClipped,
    double? LimitingBudgetDb)
{
    public double InitialGainDb => Math.Min(EffectiveLufs - PreLufs, MaxGainDb ?? double.PositiveInfinity);
}
