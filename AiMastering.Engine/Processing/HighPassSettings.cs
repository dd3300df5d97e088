namespace AiMastering.Engine.Processing;

/// <summary>Butterworth high-pass: <paramref name="Order"/> 2 (12 dB/oct) or 4 (24 dB/oct).</summary>
public sealed record HighPassSettings(double FrequencyHz, int Order = 4);
