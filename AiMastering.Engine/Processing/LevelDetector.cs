namespace AiMastering.Engine.Processing;

/// <summary>Level detector of a dynamics processor.</summary>
public enum LevelDetector
{
    /// <summary>Instantaneous peak of the linked channels.</summary>
    Peak,

    /// <summary>Mean square over the linked channels, smoothed over <c>RmsWindowMs</c>.</summary>
    Rms,
}
