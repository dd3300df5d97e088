using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Decoding;

/// <summary>Collects interleaved float chunks into planar channels, growing when the length is unknown.</summary>
internal sealed class PlanarBuilder(int channels, long expectedFrames)
{
    private readonly float[][] data = Enumerable.Range(0, channels)
        .Select(_ => GC.AllocateUninitializedArray<float>(Math.Max(0, (int)Math.Min(expectedFrames, int.MaxValue))))
        .ToArray();

    public int Frames { get; private set; }

    /// <summary>The planar arrays as they are now (replaced when they grow; the frames already in them stay valid).</summary>
    public float[][] Channels => data;

    public void Append(ReadOnlySpan<float> interleaved)
    {
        var frames = interleaved.Length / channels;
        if (Frames + frames > data[0].Length)
        {
            var capacity = Math.Max(Frames + frames, Math.Max(1 << 16, data[0].Length * 2));
            for (var c = 0; c < channels; c++)
            {
                Array.Resize(ref data[c], capacity);
            }
        }

        Interleaving.Deinterleave(interleaved, data, Frames, frames);
        Frames += frames;
    }

    public float[][] Build()
    {
        for (var c = 0; c < channels; c++)
        {
            if (data[c].Length != Frames)
            {
                Array.Resize(ref data[c], Frames);
            }
        }

        return data;
    }
}
