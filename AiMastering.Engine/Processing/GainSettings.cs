namespace AiMastering.Engine.Processing;

/// <summary>Static gain. <paramref name="RampMs"/> is the length of the linear ramp when the gain changes.</summary>
public sealed record GainSettings(double GainDb, double RampMs = 20);
