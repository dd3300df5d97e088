namespace AiMastering.Engine.Processing;

/// <summary>Shape of an equaliser band (RBJ cookbook designs).</summary>
public enum EqBandShape
{
    Peaking,
    LowShelf,
    HighShelf,
}
