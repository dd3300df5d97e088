using NAudio.Wave;

namespace AiMastering.Engine.Decoding;

/// <summary>Decodes PCM/float WAV and uncompressed AIFF with NAudio into planar floats.</summary>
internal static class NAudioReader
{
    private const int ChunkFrames = 16384;

    public static float[][] Read(string path, AudioProbeResult probe)
    {
        using WaveStream reader = probe.Container == AudioContainer.Aiff ? new AiffFileReader(path) : new WaveFileReader(path);
        if (probe.Container == AudioContainer.Wav && probe.IsFloat && probe.BitsPerSample == 32)
        {
            return ReadFloat32(reader, probe);
        }

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

    // 32-bit float WAV: NAudio parses the container; the sample bytes are already floats (little-endian).
    private static float[][] ReadFloat32(WaveStream reader, AudioProbeResult probe)
    {
        var builder = new PlanarBuilder(probe.Channels, probe.Frames);
        var frameBytes = 4 * probe.Channels;
        var bytes = new byte[8 * ChunkFrames * frameBytes];
        int read;
        var filled = 0;
        while ((read = reader.Read(bytes, filled, bytes.Length - filled)) > 0)
        {
            filled += read;
            var usable = filled - (filled % frameBytes);
            builder.Append(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, usable)));
            Buffer.BlockCopy(bytes, usable, bytes, 0, filled - usable);
            filled -= usable;
        }

        return builder.Build();
    }
}
