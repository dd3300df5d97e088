namespace AiMastering.Engine.Mastering.Rules;

/// <summary>Names of the chain steps in decision.json, and their order in the chain.</summary>
internal static class StepNames
{
    public const string HighPass = "highPass";
    public const string ToneShelves = "toneShelves";
    public const string DynamicEqLow = "dynamicEqLow";
    public const string DynamicEqHighMids = "dynamicEqHighMids";
    public const string UpwardExpander = "upwardExpander";
    public const string Multiband = "multibandCompressor";
    public const string Glue = "glueCompressor";
    public const string StereoWidth = "stereoWidth";
    public const string Gain = "gain";
    public const string Limiter = "limiter";
    public const string Dither = "dither";

    public static int Order(string name) => name switch
    {
        HighPass => 10,
        ToneShelves => 20,
        DynamicEqLow => 30,
        DynamicEqHighMids => 31,
        UpwardExpander => 40,
        Multiband => 50,
        Glue => 60,
        StereoWidth => 70,
        Gain => 80,
        Limiter => 90,
        Dither => 100,
        _ => 0,
    };
}
