using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;

namespace AiMastering.Engine.Matching;

/// <summary>
/// What a track offers as a target: smoothed long-term mid and side spectra of its louder passages (power
/// density in dB on a 1/24-octave grid, in Hz so any sample rate compares), integrated loudness and true
/// peak. The reference audio is not kept, so it can be released once measured.
/// </summary>
public sealed class ReferenceProfile
{
    /// <summary>A reference must be at least this long to give a stable long-term spectrum.</summary>
    public const double MinSeconds = 5.0;

    /// <summary>Below this integrated loudness (LUFS) a reference counts as silent.</summary>
    public const double SilentLufs = -70.0;

    /// <summary>Up to this many spectrum frames of the louder passages (about 90 s at 44.1 kHz): a steadier estimate than the analysis's 128.</summary>
    public const int SpectrumFrames = 512;

    private ReferenceProfile(int sampleRate, int channelCount, double durationSeconds, AudioAnalysis analysis, SpectrumPoint[] mid, SpectrumPoint[] side)
    {
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        DurationSeconds = durationSeconds;
        Analysis = analysis;
        Mid = mid;
        Side = side;
        var sideToMid = SideToMidDb(mid, side);
        HasStereo = ChannelCount >= 2 && sideToMid > -40;
    }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public double DurationSeconds { get; }

    /// <summary>The track's full analysis (for a reference: reference-analysis.json).</summary>
    public AudioAnalysis Analysis { get; }

    /// <summary>ITU-R BS.1770-4 integrated loudness; null when silent.</summary>
    public double? IntegratedLufs => Analysis.Loudness.IntegratedLufs;

    public double? TruePeakDbtp => Analysis.Loudness.TruePeakDbtp;

    /// <summary>Mid ((L+R)/2, or the mono signal) smoothed spectrum, dB power density.</summary>
    public IReadOnlyList<SpectrumPoint> Mid { get; }

    /// <summary>Side ((L−R)/2) smoothed spectrum, dB power density; very low for mono.</summary>
    public IReadOnlyList<SpectrumPoint> Side { get; }

    /// <summary>False for mono or dual-mono tracks (side more than 40 dB below mid): no width target.</summary>
    public bool HasStereo { get; }

    /// <summary>Decodes and measures a reference file; throws <see cref="ReferenceTrackException"/> when it cannot be used.</summary>
    public static ReferenceProfile Load(string path) => Measure(Decode(path));

    /// <summary>Decodes a reference file; decode problems become <see cref="ReferenceTrackException"/>s (the decoder's exception inside).</summary>
    public static AudioBuffer Decode(string path)
    {
        try
        {
            return AudioDecoder.Decode(path);
        }
        catch (AudioDecodeException e)
        {
            throw e.Problem switch
            {
                AudioProblem.Silent => Silent(e),
                AudioProblem.TooShort or AudioProblem.NoAudioData => TooShort(null, e),
                _ => new ReferenceTrackException(
                    ReferenceProblem.ReferenceUndecodable,
                    $"The reference track could not be read ({e.Message}). Please upload a WAV, AIFF or FLAC file.",
                    e),
            };
        }
    }

    /// <summary>Measures a decoded reference; throws <see cref="ReferenceTrackException"/> when it is too short or silent.</summary>
    public static ReferenceProfile Measure(AudioBuffer reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.DurationSeconds < MinSeconds)
        {
            throw TooShort(reference.DurationSeconds, null);
        }

        var profile = MeasureTrack(reference);
        if (profile.IntegratedLufs is not { } lufs || lufs < SilentLufs)
        {
            throw Silent(null);
        }

        return profile;
    }

    /// <summary>Measures any track (the source too) without the reference checks: its analysis and its spectra, in parallel.</summary>
    public static ReferenceProfile MeasureTrack(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        AudioAnalysis? analysis = null;
        (SpectrumPoint[] Mid, SpectrumPoint[] Side)? spectra = null;
        Parallel.Invoke(() => analysis = Analyzer.Analyze(audio), () => spectra = Spectra(audio));
        return new ReferenceProfile(audio.SampleRate, audio.ChannelCount, audio.DurationSeconds, analysis!, spectra!.Value.Mid, spectra.Value.Side);
    }

    /// <summary>Measures a track whose analysis is already known (e.g. the mix the mastering engine analyzed): only the spectra are added.</summary>
    public static ReferenceProfile MeasureTrack(AudioBuffer audio, AudioAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(analysis);
        var (mid, side) = Spectra(audio);
        return new ReferenceProfile(audio.SampleRate, audio.ChannelCount, audio.DurationSeconds, analysis, mid, side);
    }

    /// <summary>
    /// Measures a decoded mix whose analysis the mastering engine made: the spectra from its samples, or, on the
    /// long-track path, from its spill file.
    /// </summary>
    public static ReferenceProfile MeasureTrack(DecodedMix mix, AudioAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentNullException.ThrowIfNull(analysis);
        if (mix.Audio is { } audio)
        {
            return MeasureTrack(audio, analysis);
        }

        var (mid, side) = Spectra(mix.Spectrum(SpectrumFrames), mix.ChannelCount >= 2);
        return new ReferenceProfile(mix.SampleRate, mix.ChannelCount, mix.DurationSeconds, analysis, mid, side);
    }

    /// <summary>Smoothed long-term mid and side spectra of the louder passages (side very low for mono).</summary>
    internal static (SpectrumPoint[] Mid, SpectrumPoint[] Side) Spectra(AudioBuffer audio)
    {
        var stereo = audio.ChannelCount >= 2;
        return Spectra(StereoSpectrum.Measure(audio.Channels[0], stereo ? audio.Channels[1] : [], audio.SampleRate, SpectrumFrames), stereo);
    }

    /// <summary>
    /// The smoothed mid spectrum of a WAV file (e.g. a long-track master, never held in memory): frame powers gathered
    /// block by block, then the chosen frames read back from the file.
    /// </summary>
    internal static SpectrumPoint[] MidOfWav(string path, CancellationToken ct = default)
    {
        using var reader = AudioDecoder.OpenBlocks(path);
        var stereo = reader.ChannelCount >= 2;
        var powers = new FramePowers(reader.SampleRate, stereo);
        var block = Enumerable.Range(0, reader.ChannelCount).Select(_ => new float[Streaming.SpillFile.ChunkFrames]).ToArray();
        int n;
        while ((n = reader.Read(block, block[0].Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            powers.Append(block[0].AsSpan(0, n), stereo ? block[1].AsSpan(0, n) : []);
        }

        using var wav = new WavFileAudio(path);
        return Spectra(StereoSpectrum.Measure(powers, wav, SpectrumFrames), stereo).Mid;
    }

    private static (SpectrumPoint[] Mid, SpectrumPoint[] Side) Spectra(StereoSpectrum spectrum, bool stereo)
    {
        var mid = stereo ? spectrum.Mid() : spectrum.Left;
        var side = stereo ? spectrum.Side() : new double[mid.Length];
        return (SmoothedSpectrum.Smooth(mid, spectrum.BinHz, spectrum.SampleRate), SmoothedSpectrum.Smooth(side, spectrum.BinHz, spectrum.SampleRate));
    }

    // Power-weighted side-to-mid ratio over the whole band, dB.
    private static double SideToMidDb(SpectrumPoint[] mid, SpectrumPoint[] side)
    {
        var m = mid.Sum(p => Math.Pow(10, p.Db / 10));
        var s = side.Sum(p => Math.Pow(10, p.Db / 10));
        return 10 * Math.Log10((s + 1e-30) / (m + 1e-30));
    }

    private static ReferenceTrackException TooShort(double? seconds, Exception? inner) => new(
        ReferenceProblem.ReferenceTooShort,
        seconds is { } s
            ? FormattableString.Invariant($"The reference track is too short ({s:0.0} s): it needs at least {MinSeconds:0} seconds of music to learn its sound.")
            : FormattableString.Invariant($"The reference track is too short: it needs at least {MinSeconds:0} seconds of music to learn its sound."),
        inner);

    private static ReferenceTrackException Silent(Exception? inner) => new(
        ReferenceProblem.ReferenceSilent,
        "The reference track is silent, so there is no sound to match. Please choose a reference with music in it.",
        inner);
}
