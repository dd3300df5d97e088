using System.Numerics.Tensors;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Uniformly partitioned overlap-save convolution (UPOLS) of two real signals, each with its own real
/// FIR, in one complex FFT per block: the pair is packed as a + i·b, split into A and B by Hermitian
/// symmetry, each multiplied in a frequency-domain delay line with its filter's partitions, and packed
/// back as Y_a + i·Y_b so one inverse FFT gives both outputs (real and imaginary parts).
/// Blocks are exactly <see cref="PartitionFrames"/> long; no allocation after construction.
/// </summary>
internal sealed class PartitionedConvolver
{
    private readonly SplitComplexFft fft;
    private readonly int block;
    private readonly int partitions;
    private readonly int bins;
    private readonly float[][] filterARe, filterAIm, filterANegIm;
    private readonly float[][] filterBRe, filterBIm, filterBNegIm;
    private readonly float[][] delayARe, delayAIm, delayBRe, delayBIm;
    private readonly float[] re, im, historyA, historyB;
    private readonly float[] accARe, accAIm, accBRe, accBIm;
    private int newest;

    public PartitionedConvolver(ReadOnlySpan<float> filterA, ReadOnlySpan<float> filterB, int partitionFrames)
    {
        block = partitionFrames;
        fft = new SplitComplexFft(2 * block);
        bins = block + 1;
        partitions = Math.Max(1, (Math.Max(filterA.Length, filterB.Length) + block - 1) / block);
        (filterARe, filterAIm, filterANegIm) = Partition(filterA);
        (filterBRe, filterBIm, filterBNegIm) = Partition(filterB);
        delayARe = Jagged(partitions, bins);
        delayAIm = Jagged(partitions, bins);
        delayBRe = Jagged(partitions, bins);
        delayBIm = Jagged(partitions, bins);
        re = new float[2 * block];
        im = new float[2 * block];
        historyA = new float[block];
        historyB = new float[block];
        accARe = new float[bins];
        accAIm = new float[bins];
        accBRe = new float[bins];
        accBIm = new float[bins];
    }

    public int PartitionFrames => block;

    public void Reset()
    {
        foreach (var d in new[] { delayARe, delayAIm, delayBRe, delayBIm })
        {
            foreach (var row in d)
            {
                Array.Clear(row);
            }
        }

        Array.Clear(historyA);
        Array.Clear(historyB);
        newest = 0;
    }

    /// <summary>Convolves one block of each signal in place (outputs replace inputs).</summary>
    public void Process(Span<float> a, Span<float> b)
    {
        var n = 2 * block;
        historyA.CopyTo(re);
        a.CopyTo(re.AsSpan(block));
        historyB.CopyTo(im);
        b.CopyTo(im.AsSpan(block));
        a.CopyTo(historyA);
        b.CopyTo(historyB);
        fft.Forward(re, im);

        newest = newest == 0 ? partitions - 1 : newest - 1;
        var dAr = delayARe[newest];
        var dAi = delayAIm[newest];
        var dBr = delayBRe[newest];
        var dBi = delayBIm[newest];

        // A[k] = (X[k] + conj X[N−k]) / 2, B[k] = (X[k] − conj X[N−k]) / 2i.
        for (var k = 0; k < bins; k++)
        {
            var j = (n - k) & (n - 1);
            float xr = re[k], xi = im[k], yr = re[j], yi = -im[j];
            dAr[k] = 0.5f * (xr + yr);
            dAi[k] = 0.5f * (xi + yi);
            dBr[k] = 0.5f * (xi - yi);
            dBi[k] = -0.5f * (xr - yr);
        }

        Array.Clear(accARe);
        Array.Clear(accAIm);
        Array.Clear(accBRe);
        Array.Clear(accBIm);
        for (var p = 0; p < partitions; p++)
        {
            var slot = (newest + p) % partitions;
            MultiplyAccumulate(delayARe[slot], delayAIm[slot], filterARe[p], filterAIm[p], filterANegIm[p], accARe, accAIm);
            MultiplyAccumulate(delayBRe[slot], delayBIm[slot], filterBRe[p], filterBIm[p], filterBNegIm[p], accBRe, accBIm);
        }

        // Z = Y_a + i·Y_b; Z[N−k] = conj(Y_a[k]) + i·conj(Y_b[k]).
        for (var k = 0; k < bins; k++)
        {
            float ar = accARe[k], ai = accAIm[k], br = accBRe[k], bi = accBIm[k];
            re[k] = ar - bi;
            im[k] = ai + br;
            if (k > 0 && k < block)
            {
                re[n - k] = ar + bi;
                im[n - k] = br - ai;
            }
        }

        fft.Inverse(re, im);
        re.AsSpan(block, block).CopyTo(a);
        im.AsSpan(block, block).CopyTo(b);
    }

    // acc += x · h (complex), with −Im(h) stored to avoid a subtraction pass.
    private static void MultiplyAccumulate(float[] xr, float[] xi, float[] hr, float[] hi, float[] negHi, float[] accRe, float[] accIm)
    {
        TensorPrimitives.MultiplyAdd(xr, hr, accRe, accRe);
        TensorPrimitives.MultiplyAdd(xi, negHi, accRe, accRe);
        TensorPrimitives.MultiplyAdd(xr, hi, accIm, accIm);
        TensorPrimitives.MultiplyAdd(xi, hr, accIm, accIm);
    }

    private (float[][] Re, float[][] Im, float[][] NegIm) Partition(ReadOnlySpan<float> filter)
    {
        var n = 2 * block;
        var outRe = Jagged(partitions, bins);
        var outIm = Jagged(partitions, bins);
        var outNeg = Jagged(partitions, bins);
        var r = new float[n];
        var i = new float[n];
        for (var p = 0; p < partitions; p++)
        {
            Array.Clear(r);
            Array.Clear(i);
            var start = p * block;
            if (start < filter.Length)
            {
                filter.Slice(start, Math.Min(block, filter.Length - start)).CopyTo(r);
            }

            fft.Forward(r, i);

            // The 1/N of the inverse transform is folded into the filter.
            for (var k = 0; k < bins; k++)
            {
                outRe[p][k] = r[k] / n;
                outIm[p][k] = i[k] / n;
                outNeg[p][k] = -i[k] / n;
            }
        }

        return (outRe, outIm, outNeg);
    }

    private static float[][] Jagged(int rows, int columns) => [.. Enumerable.Range(0, rows).Select(_ => new float[columns])];
}
