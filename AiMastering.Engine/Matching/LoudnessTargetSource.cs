namespace AiMastering.Engine.Matching;

/// <summary>Where the loudness target of a reference master came from.</summary>
public enum LoudnessTargetSource
{
    /// <summary>The reference's integrated loudness.</summary>
    Reference,

    /// <summary>A platform target the user chose; it wins over the reference.</summary>
    Platform,
}
