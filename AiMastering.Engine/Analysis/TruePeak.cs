namespace AiMastering.Engine.Analysis;

/// <summary>True peak (ITU-R BS.1770-4 Annex 2, 4× oversampling) of a whole buffer, in dBTP.</summary>
public static class TruePeak
{
    public static double OfBufferDbtp(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var peak = audio.Channels.AsParallel().Max(c => TruePeakMeter.Measure(c, audio.SampleRate));
        return peak <= 0 ? double.NegativeInfinity : 20 * Math.Log10(peak);
    }
}
