using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Matching;

/// <summary>
/// The decoded mix as the match sees it (<see cref="ReferenceMatcher.Match(DecodedMix, AudioAnalysis, ReferenceProfile, ReferenceMatchSettings?, double?)"/>):
/// its format, and its samples when it is held in memory; when the mastering engine keeps the mix in a spill file
/// (long tracks) the spectra a match needs are read back from it.
/// </summary>
public sealed class DecodedMix
{
    private readonly Func<int, StereoSpectrum>? spectrum;

    public DecodedMix(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        Audio = audio;
        SampleRate = audio.SampleRate;
        ChannelCount = audio.ChannelCount;
        DurationSeconds = audio.DurationSeconds;
    }

    internal DecodedMix(int sampleRate, int channelCount, long length, Func<int, StereoSpectrum> spectrum)
    {
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        DurationSeconds = length / (double)sampleRate;
        this.spectrum = spectrum;
    }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public double DurationSeconds { get; }

    /// <summary>The samples; null on the long-track path (the mix is then in a spill file, never whole in memory).</summary>
    public AudioBuffer? Audio { get; }

    /// <summary>The long-term spectrum over at most the given number of frames, from the samples or the spill file.</summary>
    internal StereoSpectrum Spectrum(int maxFrames) =>
        Audio is { } audio
            ? StereoSpectrum.Measure(audio.Channels[0], audio.ChannelCount >= 2 ? audio.Channels[1] : [], audio.SampleRate, maxFrames)
            : spectrum!(maxFrames);
}
