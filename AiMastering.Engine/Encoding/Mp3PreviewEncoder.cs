using System.Diagnostics;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// preview.mp3 from the rendered master in memory: 320 kbps CBR LAME (ffmpeg's libmp3lame, quality 7), encoded in
/// parallel segments joined seamlessly (see <see cref="Mp3SegmentPlan"/>), with an Info/LAME tag that makes gapless
/// decoders return exactly the master's samples, aligned. MP3 encoding can push peaks above the master's, so when
/// <see cref="Mp3PeakPredictor"/> says the preview may be over the ceiling, the overshoot is measured on a sample of the
/// master (<see cref="Mp3CodingProbe"/>) and the first encode attenuated by it; the preview is then decoded
/// (in parallel too) and, if its own true peak is over the ceiling all the same, encoded again with just enough
/// attenuation.
/// <para>
/// MP3 (MPEG-1 Layer III) carries 32, 44.1 and 48 kHz. Other masters are previewed at 44.1 kHz when their rate is
/// a multiple of 11025 Hz (88.2, 176.4, 22.05 kHz) and at 48 kHz otherwise (96, 192 kHz…), resampled by ffmpeg;
/// the preview then has the master's duration at that rate.
/// </para>
/// </summary>
/// <param name="ffmpegPath">The ffmpeg executable (needs libmp3lame).</param>
/// <param name="codecs">Where LAME and the decoder run: in this process when their libraries load (default), or in ffmpeg processes.</param>
public sealed class Mp3PreviewEncoder(string ffmpegPath = "ffmpeg", Mp3Codecs codecs = Mp3Codecs.Auto)
{
    /// <summary>Encodes tried at most: the first, then with more attenuation if the preview is over the ceiling.</summary>
    public const int MaxEncodes = 3;

    /// <summary>
    /// Margin below the ceiling aimed at when the preview has to be attenuated (first encode included), in dB. MP3 overshoots do not scale
    /// exactly with the gain (another encode quantizes differently); 0.05 dB often needed a third encode, 0.1 dB rarely.
    /// </summary>
    public const double AttenuationMarginDb = 0.1;

    /// <summary>
    /// True when LAME and the true-peak check's decoder run in this process (libmp3lame and libmpg123 loaded); false
    /// when they run as ffmpeg processes. Masters MP3 cannot carry (96 kHz…) are resampled and encoded by ffmpeg either way.
    /// </summary>
    public bool InProcess { get; } = codecs == Mp3Codecs.Auto && Native.NativeCodecs.Available;

    /// <summary>
    /// Margin under the ceiling that the true peak measured on libmpg123's decode must keep: it differs from ffmpeg's
    /// decoder by float rounding (≈ 2e-6 of full scale; 3e-6 dB lower measured), and players decode with the latter.
    /// </summary>
    public const double InProcessDecoderMarginDb = 1e-4;

    /// <summary>The preview's sample rate for a master at <paramref name="masterRate"/> Hz.</summary>
    public static int PreviewSampleRate(int masterRate) => masterRate switch
    {
        32_000 or 44_100 or 48_000 => masterRate,
        _ when masterRate % 11_025 == 0 => 44_100,
        _ => 48_000,
    };

    /// <summary>
    /// Writes <paramref name="mp3Path"/> from <paramref name="master"/> (read only; it must not change until the
    /// task completes) and returns the preview's true peak and the attenuation it needed.
    /// </summary>
    public Task<Mp3PreviewResult> EncodeAsync(AudioBuffer master, string mp3Path, double ceilingDbtp, CancellationToken ct = default) =>
        EncodeAsync(master, mp3Path, ceilingDbtp, segments: null, ct);

    /// <summary>
    /// The same from a master WAV file, for masters not held in memory (the engine's long-track path): every part
    /// reads its samples from the file, and the preview's true peak is measured as it is decoded (in parallel parts,
    /// as for a master in memory), so memory stays at the encoded MP3 (about 150 MB an hour) whatever the length.
    /// Same preview, same true peak.
    /// </summary>
    public async Task<Mp3PreviewResult> EncodeAsync(string masterWavPath, string mp3Path, double ceilingDbtp, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(masterWavPath);
        int rate, channels;
        long length;
        using (var wav = new Decoding.WavFileAudio(masterWavPath))
        {
            (rate, channels, length) = (wav.SampleRate, wav.ChannelCount, wav.Length);
        }

        return await EncodeAsync(
            () => new Decoding.WavFileAudio(masterWavPath),
            rate,
            channels,
            checked((int)length),
            mp3Path,
            ceilingDbtp,
            segments: null,
            predictPeak: true,
            ct).ConfigureAwait(false);
    }

    /// <param name="segments">Parts to encode in parallel; null = one per core, each at least 20 s of audio.</param>
    /// <param name="predictPeak">False: the first encode is never attenuated (to exercise the re-encode).</param>
    internal Task<Mp3PreviewResult> EncodeAsync(AudioBuffer master, string mp3Path, double ceilingDbtp, int? segments, CancellationToken ct, bool predictPeak = true)
    {
        ArgumentNullException.ThrowIfNull(master);
        var source = new BufferAudio(master);
        return EncodeAsync(
            () => source,
            master.SampleRate,
            master.ChannelCount,
            master.Length,
            mp3Path,
            ceilingDbtp,
            segments,
            predictPeak,
            ct);
    }

    // openMaster: a reader of the master for one part (parts run in parallel; a file reader is opened per part).
    private async Task<Mp3PreviewResult> EncodeAsync(
        Func<IPlanarSource> openMaster,
        int masterRate,
        int channels,
        int masterLength,
        string mp3Path,
        double ceilingDbtp,
        int? segments,
        bool predictPeak,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(mp3Path);
        if (channels > 2)
        {
            throw new ArgumentException("An MP3 preview is mono or stereo.", nameof(channels));
        }

        var clock = Stopwatch.StartNew();
        var previewRate = PreviewSampleRate(masterRate);
        var inProcess = InProcess && previewRate == masterRate; // resampling stays with ffmpeg
        var count = segments ?? Mp3SegmentPlan.DefaultSegmentCount(masterLength / (double)masterRate, Environment.ProcessorCount, inProcess);
        var plan = Mp3SegmentPlan.Create(masterRate, masterLength, previewRate, count);
        // The first encode is attenuated by the predicted overshoot, so a loud master is usually encoded once; the
        // decoded preview is still measured, and encoded again if it is over all the same.
        var predicted = double.NegativeInfinity;
        Mp3ProbeResult? probe = null;
        if (predictPeak)
        {
            var predictor = new Mp3PeakPredictor(masterRate, plan.PreviewRate);
            var floor = ceilingDbtp - AttenuationMarginDb - Mp3PeakPredictor.CodingAllowanceDb;
            var lowpassed = await predictor.ProfileAsync(openMaster, masterLength, channels, floor, ct).ConfigureAwait(false);
            predicted = lowpassed.TruePeakDbtp + Mp3PeakPredictor.CodingAllowanceDb;
            if (predicted > ceilingDbtp - AttenuationMarginDb)
            {
                // The preview may be over: measure the overshoot on a sample (the fixed allowance stays a floor).
                probe = await new Mp3CodingProbe(ffmpegPath, inProcess).MeasureAsync(openMaster, plan, channels, lowpassed, ct).ConfigureAwait(false);
                predicted = Mp3CodingProbe.PredictDbtp(lowpassed, probe);
            }
        }

        var gainDb = -Math.Max(0, predicted - ceilingDbtp + AttenuationMarginDb);
        var truePeak = double.NaN;
        var encodes = 0;
        while (true)
        {
            encodes++;
            var gain = (float)Math.Pow(10, gainDb / 20);
            if (inProcess)
            {
                (_, truePeak) = await Mp3InProcessPreview.EncodeAsync(openMaster, plan, mp3Path, gain, ct).ConfigureAwait(false);
            }
            else
            {
                var joined = await EncodeOnceAsync(openMaster, plan, mp3Path, gain, ct).ConfigureAwait(false);
                truePeak = await Mp3PreviewDecoder.TruePeakDbtpAsync(InProcess ? null : ffmpegPath, joined, plan.Segments.Count, ct).ConfigureAwait(false);
            }

            // libmpg123 (whenever the libraries loaded, resampled masters included) reads up to ~1e-5 dB under
            // ffmpeg's decoder, what browsers use: a hair of margin then.
            if (truePeak <= ceilingDbtp - (InProcess ? InProcessDecoderMarginDb : 0) || encodes == MaxEncodes)
            {
                break;
            }

            gainDb -= truePeak - ceilingDbtp + AttenuationMarginDb;
        }

        return new Mp3PreviewResult(truePeak, gainDb, clock.Elapsed.TotalSeconds, plan.PreviewRate, plan.Segments.Count, encodes, predicted, probe?.Windows ?? 0, probe?.Seconds ?? 0);
    }

    private async Task<JoinedMp3> EncodeOnceAsync(Func<IPlanarSource> openMaster, Mp3SegmentPlan plan, string mp3Path, float gain, CancellationToken ct)
    {
        var firstSegmentPath = mp3Path + ".part1.mp3";
        try
        {
            var encoded = await FailFast.WhenAllAsync(
                plan.Segments.Select(s => (Func<CancellationToken, Task<ReadOnlyMemory<byte>>>)(async token =>
                {
                    var master = openMaster();
                    try
                    {
                        return await Mp3SegmentEncoder.EncodeAsync(ffmpegPath, master, plan, s, gain, firstSegmentPath, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        (master as IDisposable)?.Dispose();
                    }
                })),
                ct).ConfigureAwait(false);
            return Mp3SegmentJoiner.Join(plan, encoded, mp3Path);
        }
        finally
        {
            File.Delete(firstSegmentPath);
        }
    }
}
