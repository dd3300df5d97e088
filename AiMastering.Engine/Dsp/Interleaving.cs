using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Dsp;

/// <summary>
/// Planar (L…, R…) to and from interleaved (L R L R…) float, the layout ffmpeg's f32le and WAV files use. Stereo
/// is vectorised: each pair of samples is one 64-bit lane, so zipping is a widen of both channels and an or,
/// unzipping a narrow of the lanes and of the lanes shifted by 32 bits — portable Vector512/256/128 code, no
/// shuffle tables. Mono is a copy, other channel counts a scalar loop. Bit-exact (no arithmetic but the optional
/// gain).
/// </summary>
internal static class Interleaving
{
    /// <summary>interleaved[f·C + c] = planar[c][f]·gain for f &lt; <paramref name="frames"/>, C = planar.Length.</summary>
    public static void Interleave(float[][] planar, int frames, float gain, Span<float> interleaved)
    {
        var channels = planar.Length;
        if (channels == 2)
        {
            Interleave(planar[0].AsSpan(0, frames), planar[1].AsSpan(0, frames), gain, interleaved);
            return;
        }

        for (var c = 0; c < channels; c++)
        {
            var source = planar[c].AsSpan(0, frames);
            for (int i = 0, o = c; i < source.Length; i++, o += channels)
            {
                interleaved[o] = source[i] * gain;
            }
        }
    }

    /// <summary>planar[c][offset + f] = interleaved[f·C + c] for f &lt; <paramref name="frames"/>, C = planar.Length.</summary>
    public static void Deinterleave(ReadOnlySpan<float> interleaved, float[][] planar, int offset, int frames)
    {
        var channels = planar.Length;
        switch (channels)
        {
            case 1:
                interleaved[..frames].CopyTo(planar[0].AsSpan(offset, frames));
                return;
            case 2:
                Deinterleave(interleaved, planar[0].AsSpan(offset, frames), planar[1].AsSpan(offset, frames));
                return;
        }

        for (var c = 0; c < channels; c++)
        {
            var target = planar[c].AsSpan(offset, frames);
            for (int i = 0, o = c; i < target.Length; i++, o += channels)
            {
                target[i] = interleaved[o];
            }
        }
    }

    /// <summary>interleaved[2i] = left[i]·gain, interleaved[2i + 1] = right[i]·gain for i &lt; left.Length.</summary>
    public static void Interleave(ReadOnlySpan<float> left, ReadOnlySpan<float> right, float gain, Span<float> interleaved)
    {
        var n = left.Length;
        if (right.Length < n || interleaved.Length < 2 * n)
        {
            throw new ArgumentException("right must hold left.Length samples and interleaved twice as many.");
        }

        ref var l = ref MemoryMarshal.GetReference(left);
        ref var r = ref MemoryMarshal.GetReference(right);
        ref var o = ref MemoryMarshal.GetReference(interleaved);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var g = Vector512.Create(gain);
            for (; i + Vector512<float>.Count <= n; i += Vector512<float>.Count)
            {
                var lv = (Vector512.LoadUnsafe(ref l, (nuint)i) * g).AsUInt32();
                var rv = (Vector512.LoadUnsafe(ref r, (nuint)i) * g).AsUInt32();
                var (lLow, lHigh) = Vector512.Widen(lv);
                var (rLow, rHigh) = Vector512.Widen(rv);
                (lLow | (rLow << 32)).AsSingle().StoreUnsafe(ref o, (nuint)(2 * i));
                (lHigh | (rHigh << 32)).AsSingle().StoreUnsafe(ref o, (nuint)((2 * i) + Vector512<float>.Count));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var g = Vector256.Create(gain);
            for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
            {
                var lv = (Vector256.LoadUnsafe(ref l, (nuint)i) * g).AsUInt32();
                var rv = (Vector256.LoadUnsafe(ref r, (nuint)i) * g).AsUInt32();
                var (lLow, lHigh) = Vector256.Widen(lv);
                var (rLow, rHigh) = Vector256.Widen(rv);
                (lLow | (rLow << 32)).AsSingle().StoreUnsafe(ref o, (nuint)(2 * i));
                (lHigh | (rHigh << 32)).AsSingle().StoreUnsafe(ref o, (nuint)((2 * i) + Vector256<float>.Count));
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref o, 2 * i) = Unsafe.Add(ref l, i) * gain;
            Unsafe.Add(ref o, (2 * i) + 1) = Unsafe.Add(ref r, i) * gain;
        }
    }

    /// <summary>left[i] = interleaved[2i], right[i] = interleaved[2i + 1] for i &lt; left.Length.</summary>
    public static void Deinterleave(ReadOnlySpan<float> interleaved, Span<float> left, Span<float> right)
    {
        var n = left.Length;
        if (right.Length < n || interleaved.Length < 2 * n)
        {
            throw new ArgumentException("right must hold left.Length samples and interleaved twice as many.");
        }

        ref var s = ref MemoryMarshal.GetReference(interleaved);
        ref var l = ref MemoryMarshal.GetReference(left);
        ref var r = ref MemoryMarshal.GetReference(right);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= n; i += Vector512<float>.Count)
            {
                var a = Vector512.LoadUnsafe(ref s, (nuint)(2 * i)).AsUInt64();
                var b = Vector512.LoadUnsafe(ref s, (nuint)((2 * i) + Vector512<float>.Count)).AsUInt64();
                Vector512.Narrow(a, b).AsSingle().StoreUnsafe(ref l, (nuint)i);
                Vector512.Narrow(a >>> 32, b >>> 32).AsSingle().StoreUnsafe(ref r, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
            {
                var a = Vector256.LoadUnsafe(ref s, (nuint)(2 * i)).AsUInt64();
                var b = Vector256.LoadUnsafe(ref s, (nuint)((2 * i) + Vector256<float>.Count)).AsUInt64();
                Vector256.Narrow(a, b).AsSingle().StoreUnsafe(ref l, (nuint)i);
                Vector256.Narrow(a >>> 32, b >>> 32).AsSingle().StoreUnsafe(ref r, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref l, i) = Unsafe.Add(ref s, 2 * i);
            Unsafe.Add(ref r, i) = Unsafe.Add(ref s, (2 * i) + 1);
        }
    }
}
