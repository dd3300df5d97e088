using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>Builds the tonal-balance and per-band stereo figures from a <see cref="StereoSpectrum"/>.</summary>
internal static class SpectrumMeasures
{
    public const string ReferenceTilt =
        "pink: -3 dB/octave power density (equal energy per octave); reference share of a band = its octaves / octaves of 20 Hz-20 kHz";

    public static SpectrumAnalysis Tonal(StereoSpectrum spectrum, bool stereo)
    {
        var average = spectrum.Average(stereo);
        var nyquist = spectrum.SampleRate / 2.0;
        var top = Math.Min(ToneBands.HighestHz, nyquist);
        var total = FractionalOctave.BandPower(average, spectrum.BinHz, ToneBands.LowestHz, top);
        var totalOctaves = Math.Log2(top / ToneBands.LowestHz);
        var bands = ToneBands.All.Select(b =>
        {
            var high = Math.Min(b.HighHz, top);
            if (high <= b.LowHz)
            {
                return new SpectrumBand(b.Name, b.LowHz, b.HighHz, null, null, 0, null);
            }

            var power = FractionalOctave.BandPower(average, spectrum.BinHz, b.LowHz, high);
            var relative = Decibels.FromPower(power / total);
            var reference = Decibels.FromPower(Math.Log2(high / b.LowHz) / totalOctaves);
            return new SpectrumBand(
                b.Name, b.LowHz, b.HighHz, Decibels.OrNull(Decibels.FromPower(power)), Decibels.OrNull(relative), Math.Round(reference, 2),
                Decibels.OrNull(relative - reference));
        }).ToArray();

        var centers = FractionalOctave.Centers(6, spectrum.SampleRate);
        var level = FractionalOctave.BandPowers(average, spectrum.BinHz, centers, 6);
        var mid = stereo ? FractionalOctave.BandPowers(spectrum.Mid(), spectrum.BinHz, centers, 6) : level;
        var side = stereo ? FractionalOctave.BandPowers(spectrum.Side(), spectrum.BinHz, centers, 6) : null;
        var ltas = centers.Select((fc, i) => new LtasPoint(
            Math.Round(fc, 1),
            Decibels.OrNull(Decibels.FromPower(level[i])),
            Decibels.OrNull(Decibels.FromPower(mid[i])),
            side is null ? null : Decibels.OrNull(Decibels.FromPower(side[i])))).ToArray();
        return new SpectrumAnalysis(ReferenceTilt, bands, ltas);
    }

    public static StereoBand[] StereoBands(StereoSpectrum spectrum)
    {
        var mid = spectrum.Mid();
        var side = spectrum.Side();
        return ToneBands.All.Select(b =>
        {
            var high = Math.Min(b.HighHz, spectrum.SampleRate / 2.0);
            if (high <= b.LowHz)
            {
                return new StereoBand(b.Name, b.LowHz, b.HighHz, null, null);
            }

            var l = FractionalOctave.BandPower(spectrum.Left, spectrum.BinHz, b.LowHz, high);
            var r = FractionalOctave.BandPower(spectrum.Right, spectrum.BinHz, b.LowHz, high);
            var c = FractionalOctave.BandPower(spectrum.Cross, spectrum.BinHz, b.LowHz, high);
            var correlation = l > 0 && r > 0 ? c / Math.Sqrt(l * r) : double.NaN;
            var sideToMid = Decibels.FromPower(FractionalOctave.BandPower(side, spectrum.BinHz, b.LowHz, high) /
                                         FractionalOctave.BandPower(mid, spectrum.BinHz, b.LowHz, high));
            return new StereoBand(b.Name, b.LowHz, b.HighHz, Decibels.OrNull(correlation, 3), Decibels.OrNull(sideToMid));
        }).ToArray();
    }
}
