using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// Public spectrum helpers for reference matching. All use the long-term average spectrum of the louder
/// passages (frames above -70 dBFS and within 10 dB of their mean), Hann windows of about 6 Hz resolution.
/// Pink noise gives equal levels in every band.
/// </summary>
public static class SpectrumAnalyzer
{
    /// <summary>1/3-octave band levels (about 20 Hz-20 kHz) of a mono signal over its louder passages.</summary>
    public static FractionalOctaveSpectrum ThirdOctaveLevels(ReadOnlySpan<float> mono, int sampleRate)
    {
        var spectrum = StereoSpectrum.Measure(mono, [], sampleRate);
        return Levels(spectrum.Left, spectrum, 3);
    }

    /// <summary>1/6-octave mid ((L+R)/2) and side ((L-R)/2) long-term average spectra; for mono the side is silent.</summary>
    public static (FractionalOctaveSpectrum Mid, FractionalOctaveSpectrum Side) SixthOctaveMidSide(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var right = audio.ChannelCount > 1 ? audio.Channels[1] : [];
        var spectrum = StereoSpectrum.Measure(audio.Channels[0], right, audio.SampleRate);
        if (audio.ChannelCount == 1)
        {
            var silent = new double[spectrum.Left.Length];
            return (Levels(spectrum.Left, spectrum, 6), Levels(silent, spectrum, 6));
        }

        return (Levels(spectrum.Mid(), spectrum, 6), Levels(spectrum.Side(), spectrum, 6));
    }

    private static FractionalOctaveSpectrum Levels(double[] power, StereoSpectrum spectrum, int bandsPerOctave)
    {
        var centers = FractionalOctave.Centers(bandsPerOctave, spectrum.SampleRate);
        var levels = FractionalOctave.BandPowers(power, spectrum.BinHz, centers, bandsPerOctave).Select(Decibels.FromPower).ToArray();
        return new FractionalOctaveSpectrum(bandsPerOctave, centers, levels);
    }
}
