using System.Globalization;
using System.Text.Json;

namespace AiMastering.Worker.Ffmpeg;

/// <summary>
/// The first mastering stand-in and the benchmark peer: FFmpeg's <c>loudnorm</c> measures the mix
/// (pass 1), then one linear gain brings it to -14 LUFS without passing -1 dBTP (pass 2). A linear
/// gain keeps length, alignment and sample rate exactly (loudnorm's own second pass resamples to
/// 192 kHz). Not used by the worker since the engine's chain replaced it.
/// </summary>
public sealed class LoudnormStandIn(FfmpegRunner ffmpeg)
{
    public async Task<double> RenderAsync(string input, string output, double targetLufs, double ceilingDbtp, CancellationToken cancellationToken)
    {
        var filter = string.Create(CultureInfo.InvariantCulture, $"loudnorm=I={targetLufs}:TP={ceilingDbtp}:LRA=11:print_format=json");
        var stderr = await ffmpeg.RunAsync(["-i", input, "-af", filter, "-f", "null", "-"], cancellationToken);
        var json = stderr[stderr.LastIndexOf('{')..(stderr.LastIndexOf('}') + 1)];
        using var measured = JsonDocument.Parse(json);
        var inputI = double.Parse(measured.RootElement.GetProperty("input_i").GetString()!, CultureInfo.InvariantCulture);
        var inputTp = double.Parse(measured.RootElement.GetProperty("input_tp").GetString()!, CultureInfo.InvariantCulture);
        var gain = Math.Min(targetLufs - inputI, ceilingDbtp - inputTp);
        var volume = string.Create(CultureInfo.InvariantCulture, $"volume={gain:0.###}dB");
        await ffmpeg.RunAsync(["-i", input, "-af", volume, "-c:a", "pcm_s24le", output], cancellationToken);
        return gain;
    }
}
