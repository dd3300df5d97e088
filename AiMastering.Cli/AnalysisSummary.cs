using System.Globalization;
using AiMastering.Engine.Analysis;

namespace AiMastering.Cli;

/// <summary>The human-readable summary printed by `aimaster analyze`.</summary>
public static class AnalysisSummary
{
    public static void Write(AudioAnalysis a, string name, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        string D(double? v, string unit) => v is { } x ? x.ToString("0.0", c) + " " + unit : "-inf " + unit;
        o.WriteLine(string.Create(c, $"{name}: {a.DurationSeconds:0.0} s, {a.SampleRate} Hz, {(a.Channels == 1 ? "mono" : "stereo")}"));
        o.WriteLine();
        o.WriteLine("Loudness");
        o.WriteLine($"  Integrated      {D(a.Loudness.IntegratedLufs, "LUFS")}");
        o.WriteLine($"  Loudness range  {D(a.Loudness.RangeLu, "LU")}");
        o.WriteLine($"  True peak       {D(a.Loudness.TruePeakDbtp, "dBTP")}");
        o.WriteLine($"  Sample peak     {D(a.Loudness.SamplePeakDbfs, "dBFS")}");
        o.WriteLine($"  Momentary max   {D(a.Loudness.MomentaryMaxLufs, "LUFS")}");
        o.WriteLine($"  Short-term max  {D(a.Loudness.ShortTermMaxLufs, "LUFS")}");
        o.WriteLine("Dynamics");
        o.WriteLine($"  PLR             {D(a.Dynamics.PlrDb, "dB")}");
        o.WriteLine($"  PSR (median)    {D(a.Dynamics.PsrDb, "dB")}");
        o.WriteLine($"  DR              {(a.Dynamics.Dr is { } dr ? "DR" + dr.ToString(c) : "-")}");
        o.WriteLine($"  RMS / crest     {D(a.Dynamics.RmsDbfs, "dBFS")} / {D(a.Dynamics.CrestFactorDb, "dB")}");
        o.WriteLine("Tonal balance (vs. pink reference)");
        foreach (var b in a.Spectrum.Bands)
        {
            o.WriteLine(string.Create(c, $"  {b.Name,-9} {b.LowHz,6:0}-{b.HighHz,-6:0} Hz  {D(b.LevelDb, "dB"),10}  {Signed(b.DeviationDb),7} dB"));
        }

        o.WriteLine("Stereo");
        o.WriteLine($"  Correlation     {(a.Stereo.Correlation is { } r ? r.ToString("0.00", c) : "-")}");
        o.WriteLine($"  Side/mid        {D(a.Stereo.SideToMidDb, "dB")}");
        o.WriteLine($"  Mono fold-down  {D(a.Stereo.MonoFoldDownLossDb, "dB")}");
        o.WriteLine("Problems");
        if (a.Problems.Length == 0)
        {
            o.WriteLine("  none found");
        }

        foreach (var p in a.Problems)
        {
            o.WriteLine($"  [{p.Severity.ToString().ToUpperInvariant()}] {p.Code}: {p.Message}");
        }

        string Signed(double? v) => v is { } x ? x.ToString("+0.0;-0.0;0.0", c) : "-";
    }
}
