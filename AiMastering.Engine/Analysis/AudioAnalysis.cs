namespace AiMastering.Engine.Analysis;

/// <summary>
/// Everything measured on one piece of audio; serialized as analysis.json with <see cref="EngineJsonContext"/>.
/// Levels that are -infinity (digital silence) are null in this model and in the JSON.
/// </summary>
public sealed record AudioAnalysis(
    int SchemaVersion,
    double DurationSeconds,
    int SampleRate,
    int Channels,
    LoudnessAnalysis Loudness,
    DynamicsAnalysis Dynamics,
    SpectrumAnalysis Spectrum,
    StereoAnalysis Stereo,
    AnalysisProblem[] Problems,
    AnalysisSeries Series)
{
    public const int CurrentSchemaVersion = 1;
}
