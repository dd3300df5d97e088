using NAudio.Wave;

namespace AiMastering.Engine.Decoding;

/// <summary>Decodes PCM/float WAV and uncompressed AIFF with NAudio into planar floats.</summary>
internal static class NAudioReader
{
    private const int ChunkFrames = 16384;

    public static float[][] Read(string path, AudioProbeResult probe)
    {
        using WaveStream reader = probe.Container == AudioContainer.Aiff ? new AiffFileReader(path) : new WaveFileReader(path);
        var provider = reader.ToSampleProvider();
        var builder = new PlanarBuilder(probe.Channels, probe.Frames);
        var buffer = new float[ChunkFrames * probe.Channels];
        int read;
        while ((read = provider.Read(buffer)) > 0)
        {
            builder.Append(buffer.AsSpan(0, read));
        }

        return builder.Build();
    }
}
