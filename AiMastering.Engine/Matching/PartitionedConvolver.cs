using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Uniformly partitioned overlap-save convolution (UPOLS) of two real signals, each with its own real
/// FIR, in one complex FFT per block: the pair is packed as a + i·b, split into A and B by Hermitian
/// symmetry, each multiplied in a frequency-domain delay line with its filter's partitions, and packed
/// back as Y_a + i·Y_b so one inverse FFT gives both outputs (real and imaginary parts).
/// The delay line and the filter partitions are flat arrays (one row of <c>stride</c> bins per partition), so the
/// multiply-accumulate over all partitions keeps each group of bins in vector registers; the split and the pack
/// read the mirrored bins N − k from reversed copies, so they are element-wise too.
/// Blocks are exactly <see cref="PartitionFrames"/> long; no allocation after construction.
/// </summary>
internal sealed class PartitionedConvolver
{
    private readonly SplitComplexFft fft;
    private readonly int block;
    private readonly int partitions;
    private readonly int bins;
    private readonly int stride;
    private readonly float[] filterARe, filterAIm, filterBRe, filterBIm;
    private readonly float[] delayARe, delayAIm, delayBRe, delayBIm;
    private readonly float[] re, im, mirrorRe, mirrorIm, historyA, historyB;
    private readonly float[] outARe, outAIm, outBRe, outBIm;
    private int newest;

    public PartitionedConvolver(ReadOnlySpan<float> filterA, ReadOnlySpan<float> filterB, int partitionFrames)
    {
        block = partitionFrames;
        fft = new SplitComplexFft(2 * block);
        bins = block + 1;
        stride = (bins + Vector512<float>.Count - 1) / Vector512<float>.Count * Vector512<float>.Count;
        partitions = Math.Max(1, (Math.Max(filterA.Length, filterB.Length) + block - 1) / block);
        re = new float[2 * block];
        im = new float[2 * block];
        (filterARe, filterAIm) = Partition(filterA);
        (filterBRe, filterBIm) = Partition(filterB);
        delayARe = new float[partitions * stride];
        delayAIm = new float[partitions * stride];
        delayBRe = new float[partitions * stride];
        delayBIm = new float[partitions * stride];
        mirrorRe = new float[stride];
        mirrorIm = new float[stride];
        historyA = new float[block];
        historyB = new float[block];
        outARe = new float[stride];
        outAIm = new float[stride];
        outBRe = new float[stride];
        outBIm = new float[stride];
    }

    public int PartitionFrames => block;

    public void Reset()
    {
        Array.Clear(delayARe);
        Array.Clear(delayAIm);
        Array.Clear(delayBRe);
        Array.Clear(delayBIm);
        Array.Clear(historyA);
        Array.Clear(historyB);
        newest = 0;
    }

    /// <summary>Convolves one block of each signal in place (outputs replace inputs).</summary>
    public void Process(Span<float> a, Span<float> b)
    {
        historyA.CopyTo(re, 0);
        a.CopyTo(re.AsSpan(block));
        historyB.CopyTo(im, 0);
        b.CopyTo(im.AsSpan(block));
        a.CopyTo(historyA);
        b.CopyTo(historyB);
        fft.Forward(re, im);

        newest = newest == 0 ? partitions - 1 : newest - 1;
        Split(newest * stride);
        MultiplyAccumulate(delayARe, delayAIm, filterARe, filterAIm, outARe, outAIm);
        MultiplyAccumulate(delayBRe, delayBIm, filterBRe, filterBIm, outBRe, outBIm);
        Pack();
        fft.Inverse(re, im);
        re.AsSpan(block, block).CopyTo(a);
        im.AsSpan(block, block).CopyTo(b);
    }

    // A[k] = (X[k] + conj X[N−k]) / 2, B[k] = (X[k] − conj X[N−k]) / 2i for k = 0…N/2, into the delay line's row.
    private void Split(int row)
    {
        Mirror(re, mirrorRe);
        Mirror(im, mirrorIm);
        var x = re.AsSpan(0, bins);
        var y = im.AsSpan(0, bins);
        var xm = mirrorRe.AsSpan(0, bins);
        var ym = mirrorIm.AsSpan(0, bins);
        var ar = delayARe.AsSpan(row, bins);
        var ai = delayAIm.AsSpan(row, bins);
        var br = delayBRe.AsSpan(row, bins);
        var bi = delayBIm.AsSpan(row, bins);
        TensorPrimitives.Add(x, xm, ar);
        TensorPrimitives.Multiply(ar, 0.5f, ar);
        TensorPrimitives.Subtract(y, ym, ai);
        TensorPrimitives.Multiply(ai, 0.5f, ai);
        TensorPrimitives.Add(y, ym, br);
        TensorPrimitives.Multiply(br, 0.5f, br);
        TensorPrimitives.Subtract(xm, x, bi);
        TensorPrimitives.Multiply(bi, 0.5f, bi);
    }

    // Z = Y_a + i·Y_b: Z[k] = (ar − bi, ai + br) for k = 0…N/2 and Z[N−k] = (ar + bi, br − ai) for 0 < k < N/2.
    private void Pack()
    {
        var ar = outARe.AsSpan(0, bins);
        var ai = outAIm.AsSpan(0, bins);
        var br = outBRe.AsSpan(0, bins);
        var bi = outBIm.AsSpan(0, bins);
        TensorPrimitives.Add(ar, bi, mirrorRe.AsSpan(0, bins));
        TensorPrimitives.Subtract(br, ai, mirrorIm.AsSpan(0, bins));
        TensorPrimitives.Subtract(ar, bi, re.AsSpan(0, bins));
        TensorPrimitives.Add(ai, br, im.AsSpan(0, bins));
        Unmirror(mirrorRe, re);
        Unmirror(mirrorIm, im);
    }

    // mirror[k] = x[(N − k) mod N] for k = 0…N/2.
    private void Mirror(float[] x, float[] mirror)
    {
        mirror[0] = x[0];
        var upper = mirror.AsSpan(1, block);
        x.AsSpan(block, block).CopyTo(upper);
        upper.Reverse();
    }

    // x[N − k] = mirror[k] for 0 < k < N/2.
    private void Unmirror(float[] mirror, float[] x)
    {
        var upper = x.AsSpan(block + 1, block - 1);
        mirror.AsSpan(1, block - 1).CopyTo(upper);
        upper.Reverse();
    }

    // out[k] = Σ_p X_(newest+p)[k] · H_p[k] (complex), partitions summed in registers.
    private void MultiplyAccumulate(float[] delayRe, float[] delayIm, float[] filterRe, float[] filterIm, float[] outRe, float[] outIm)
    {
        ref var xr0 = ref MemoryMarshal.GetArrayDataReference(delayRe);
        ref var xi0 = ref MemoryMarshal.GetArrayDataReference(delayIm);
        ref var hr0 = ref MemoryMarshal.GetArrayDataReference(filterRe);
        ref var hi0 = ref MemoryMarshal.GetArrayDataReference(filterIm);
        ref var or0 = ref MemoryMarshal.GetArrayDataReference(outRe);
        ref var oi0 = ref MemoryMarshal.GetArrayDataReference(outIm);
        if (Vector512.IsHardwareAccelerated)
        {
            for (var k = 0; k < stride; k += Vector512<float>.Count)
            {
                Vector512<float> accRe = Vector512<float>.Zero, accIm = Vector512<float>.Zero;
                for (int p = 0, slot = newest; p < partitions; p++, slot = slot + 1 == partitions ? 0 : slot + 1)
                {
                    var x = (nuint)((slot * stride) + k);
                    var h = (nuint)((p * stride) + k);
                    var xr = Vector512.LoadUnsafe(ref xr0, x);
                    var xi = Vector512.LoadUnsafe(ref xi0, x);
                    var hr = Vector512.LoadUnsafe(ref hr0, h);
                    var hi = Vector512.LoadUnsafe(ref hi0, h);
                    accRe += (xr * hr) - (xi * hi);
                    accIm += (xr * hi) + (xi * hr);
                }

                accRe.StoreUnsafe(ref or0, (nuint)k);
                accIm.StoreUnsafe(ref oi0, (nuint)k);
            }

            return;
        }

        for (var k = 0; k < stride; k += Vector256<float>.Count)
        {
            Vector256<float> accRe = Vector256<float>.Zero, accIm = Vector256<float>.Zero;
            for (int p = 0, slot = newest; p < partitions; p++, slot = slot + 1 == partitions ? 0 : slot + 1)
            {
                var x = (nuint)((slot * stride) + k);
                var h = (nuint)((p * stride) + k);
                var xr = Vector256.LoadUnsafe(ref xr0, x);
                var xi = Vector256.LoadUnsafe(ref xi0, x);
                var hr = Vector256.LoadUnsafe(ref hr0, h);
                var hi = Vector256.LoadUnsafe(ref hi0, h);
                accRe += (xr * hr) - (xi * hi);
                accIm += (xr * hi) + (xi * hr);
            }

            accRe.StoreUnsafe(ref or0, (nuint)k);
            accIm.StoreUnsafe(ref oi0, (nuint)k);
        }
    }

    // The filter's partitions as spectra, one row of `stride` bins each (zeros past the last bin).
    private (float[] Re, float[] Im) Partition(ReadOnlySpan<float> filter)
    {
        var n = 2 * block;
        var outRe = new float[partitions * stride];
        var outIm = new float[partitions * stride];
        for (var p = 0; p < partitions; p++)
        {
            Array.Clear(re);
            Array.Clear(im);
            var start = p * block;
            if (start < filter.Length)
            {
                filter.Slice(start, Math.Min(block, filter.Length - start)).CopyTo(re);
            }

            fft.Forward(re, im);

            // The 1/N of the inverse transform is folded into the filter.
            for (var k = 0; k < bins; k++)
            {
                outRe[(p * stride) + k] = re[k] / n;
                outIm[(p * stride) + k] = im[k] / n;
            }
        }

        return (outRe, outIm);
    }
}
