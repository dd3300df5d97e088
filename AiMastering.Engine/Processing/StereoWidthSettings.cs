namespace AiMastering.Engine.Processing;

/// <summary>
/// M/S width: side gain <paramref name="SideGainDb"/> above <paramref name="SideFrequencyHz"/>
/// (RBJ high shelf on the side signal), and the side removed below <paramref name="MonoBelowHz"/>
/// (LR4 high-pass on the side; 0 disables it).
/// </summary>
public sealed record StereoWidthSettings(double SideGainDb = 0, double SideFrequencyHz = 300, double MonoBelowHz = 120);
