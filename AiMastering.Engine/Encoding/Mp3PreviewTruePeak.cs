using System.Buffers;
using System.Numerics.Tensors;
using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// True peak (BS.1770-4 Annex 2, the analysis engine's 4× meter) of the joined preview, decoded by one ffmpeg
/// process and measured block by block as it streams out: the preview is never held decoded, so this suits
/// previews of any length. It sees the samples a gapless player outputs (codec delay dropped, cut at the preview's
/// length), so it equals <see cref="TruePeak.OfBufferDbtp"/> of the whole decoded preview (as <see cref="Mp3PreviewDecoder.TruePeakDbtpAsync"/>, which decodes in parallel parts).
/// </summary>
internal static class Mp3PreviewTruePeak
{
    public static async Task<double> MeasureDbtpAsync(string ffmpeg, JoinedMp3 mp3, CancellationToken ct)
    {
        var frames = mp3.Frames.Count;
        var perSubBlock = Enumerable.Range(0, mp3.Channels).Select(_ => new float[new SubBlockGrid(mp3.SampleRate, checked((int)mp3.Samples)).Count]).ToArray();
        var meters = perSubBlock.Select(p => new TruePeakMeter(mp3.SampleRate, () => p)).ToArray();
        var sink = new MeterSink(meters, mp3.RawOffset, mp3.Samples);
        if (frames > 0)
        {
            var bytes = mp3.Audio.AsMemory(mp3.Frames[0].Offset, mp3.Frames[frames - 1].End - mp3.Frames[0].Offset);
            await FfmpegProcess.RunAsync(
                ffmpeg,
                ["-f", "mp3", "-i", "pipe:0", "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1"],
                "measure the MP3 preview",
                (stdin, token) => stdin.WriteAsync(bytes, token).AsTask(),
                sink.ReadAsync,
                ct).ConfigureAwait(false);
        }

        var expected = (long)frames * Mp3FrameHeader.SamplesPerFrame;
        if (sink.RawSamples != expected)
        {
            throw new InvalidDataException($"ffmpeg decoded {sink.RawSamples} samples from {frames} MP3 frames; {expected} were expected.");
        }

        foreach (var meter in meters)
        {
            meter.Complete();
        }

        var peak = perSubBlock.Max(p => p.Length == 0 ? 0f : TensorPrimitives.Max(p));
        return peak <= 0 ? double.NegativeInfinity : 20 * Math.Log10(peak);
    }

    /// <summary>Takes ffmpeg's interleaved output, keeps raw samples [rawOffset, rawOffset + samples) and feeds them to the meters.</summary>
    private sealed class MeterSink(TruePeakMeter[] meters, int rawOffset, long samples)
    {
        private readonly float[][] planar = [.. meters.Select(_ => new float[F32lePipe.ReadBytes / sizeof(float)])];

        public long RawSamples { get; private set; }

        public Task ReadAsync(Stream stdout, CancellationToken ct) => F32lePipe.ReadFramesAsync(stdout, meters.Length, Measure, ct);

        private void Measure(ReadOnlySpan<float> interleaved)
        {
            var channels = meters.Length;
            var count = interleaved.Length / channels;
            var raw = RawSamples;
            RawSamples += count;
            var skip = (int)Math.Clamp(rawOffset - raw, 0, count);
            var take = (int)Math.Clamp(rawOffset + samples - (raw + skip), 0, count - skip);
            for (var c = 0; c < channels; c++)
            {
                var destination = planar[c];
                for (var i = 0; i < take; i++)
                {
                    destination[i] = interleaved[((skip + i) * channels) + c];
                }

                meters[c].Append(destination.AsSpan(0, take));
            }
        }
    }
}
