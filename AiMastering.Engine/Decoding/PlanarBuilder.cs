using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AiMastering.Engine.Decoding;

/// <summary>Collects interleaved float chunks into planar channels, growing when the length is unknown.</summary>
internal sealed class PlanarBuilder(int channels, long expectedFrames)
{
    private readonly float[][] data = Enumerable.Range(0, channels)
        .Select(_ => GC.AllocateUninitializedArray<float>(Math.Max(0, (int)Math.Min(expectedFrames, int.MaxValue))))
        .ToArray();

    public int Frames { get; private set; }

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

        if (channels == 1)
        {
            interleaved[..frames].CopyTo(data[0].AsSpan(Frames));
        }
        else
        {
            Deinterleave(interleaved[..(2 * frames)], data[0].AsSpan(Frames, frames), data[1].AsSpan(Frames, frames));
        }

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

    // (L0 R0 L1 R1)(L2 R2 L3 R3) -> (L0 L1 L2 L3), (R0 R1 R2 R3) with SSE shuffles; scalar tail.
    internal static void Deinterleave(ReadOnlySpan<float> interleaved, Span<float> left, Span<float> right)
    {
        var i = 0;
        if (Sse.IsSupported)
        {
            ref var source = ref MemoryMarshal.GetReference(interleaved);
            ref var l = ref MemoryMarshal.GetReference(left);
            ref var r = ref MemoryMarshal.GetReference(right);
            for (; i + 4 <= left.Length; i += 4)
            {
                var a = Vector128.LoadUnsafe(ref source, (nuint)(2 * i));
                var b = Vector128.LoadUnsafe(ref source, (nuint)((2 * i) + 4));
                Sse.Shuffle(a, b, 0b10_00_10_00).StoreUnsafe(ref l, (nuint)i);
                Sse.Shuffle(a, b, 0b11_01_11_01).StoreUnsafe(ref r, (nuint)i);
            }
        }

        for (; i < left.Length; i++)
        {
            left[i] = interleaved[2 * i];
            right[i] = interleaved[(2 * i) + 1];
        }
    }
}
