using System.Runtime.CompilerServices;

namespace AiMastering.Engine.Dsp;

/// <summary>
/// Transposed direct form II state of one biquad section for one channel, in double precision
/// (low cut-offs at high sample rates put poles near z = 1, where float state loses the signal).
/// </summary>
internal struct BiquadState
{
    // The recursions as fused multiply-adds with the feedback coefficients negated: the loop-carried path of a section is
    // two of them per sample (y -> z1 -> next y) instead of a multiply, a subtraction and two additions.
    public double Z1;
    public double Z2;

    /// <summary>Filters <paramref name="samples"/> in place through one section.</summary>
    public void Process(in BiquadCoefficients c, Span<float> samples)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = -c.A1, a2 = -c.A2;
        double z1 = Z1, z2 = Z2;
        for (var i = 0; i < samples.Length; i++)
        {
            var x = FloatWidening.Widen(samples[i]);
            var y = Fma(b0, x, z1);
            z1 = Fma(a1, y, Fma(b1, x, z2));
            z2 = Fma(a2, y, b2 * x);
            samples[i] = (float)y;
        }

        Z1 = z1;
        Z2 = z2;
    }

    /// <summary>Filters <paramref name="input"/> into <paramref name="output"/> (may be the same span).</summary>
    public void Process(in BiquadCoefficients c, ReadOnlySpan<float> input, Span<float> output)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = -c.A1, a2 = -c.A2;
        double z1 = Z1, z2 = Z2;
        for (var i = 0; i < input.Length; i++)
        {
            var x = FloatWidening.Widen(input[i]);
            var y = Fma(b0, x, z1);
            z1 = Fma(a1, y, Fma(b1, x, z2));
            z2 = Fma(a2, y, b2 * x);
            output[i] = (float)y;
        }

        Z1 = z1;
        Z2 = z2;
    }

    /// <summary>Two cascaded sections in one pass (interleaves their dependency chains).</summary>
    public static void ProcessCascade(
        in BiquadCoefficients c1, ref BiquadState s1, in BiquadCoefficients c2, ref BiquadState s2,
        ReadOnlySpan<float> input, Span<float> output)
    {
        double p0 = c1.B0, p1 = c1.B1, p2 = c1.B2, pa1 = -c1.A1, pa2 = -c1.A2;
        double q0 = c2.B0, q1 = c2.B1, q2 = c2.B2, qa1 = -c2.A1, qa2 = -c2.A2;
        double u1 = s1.Z1, u2 = s1.Z2, v1 = s2.Z1, v2 = s2.Z2;
        for (var i = 0; i < input.Length; i++)
        {
            var x = FloatWidening.Widen(input[i]);
            var y = Fma(p0, x, u1);
            u1 = Fma(pa1, y, Fma(p1, x, u2));
            u2 = Fma(pa2, y, p2 * x);
            var w = Fma(q0, y, v1);
            v1 = Fma(qa1, w, Fma(q1, y, v2));
            v2 = Fma(qa2, w, q2 * y);
            output[i] = (float)w;
        }

        s1.Z1 = u1;
        s1.Z2 = u2;
        s2.Z1 = v1;
        s2.Z2 = v2;
    }
    /// <summary>
    /// Two independent signals through the same filter in one loop (e.g. left and right): the two recursions
    /// interleave, so the processor overlaps their latency. Same arithmetic as <see cref="Process(in BiquadCoefficients, ReadOnlySpan{float}, Span{float})"/>.
    /// </summary>
    public static void ProcessPair(
        in BiquadCoefficients c, ref BiquadState sa, ref BiquadState sb,
        ReadOnlySpan<float> inputA, Span<float> outputA, ReadOnlySpan<float> inputB, Span<float> outputB)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = -c.A1, a2 = -c.A2;
        double u1 = sa.Z1, u2 = sa.Z2, v1 = sb.Z1, v2 = sb.Z2;
        var n = inputA.Length;
        if (inputB.Length != n || outputA.Length < n || outputB.Length < n)
        {
            throw new ArgumentException("Both signals need the same length.", nameof(inputB));
        }

        for (var i = 0; i < n; i++)
        {
            var x = FloatWidening.Widen(inputA[i]);
            var w = FloatWidening.Widen(inputB[i]);
            var y = Fma(b0, x, u1);
            var z = Fma(b0, w, v1);
            u1 = Fma(a1, y, Fma(b1, x, u2));
            v1 = Fma(a1, z, Fma(b1, w, v2));
            u2 = Fma(a2, y, b2 * x);
            v2 = Fma(a2, z, b2 * w);
            outputA[i] = (float)y;
            outputB[i] = (float)z;
        }

        sa.Z1 = u1;
        sa.Z2 = u2;
        sb.Z1 = v1;
        sb.Z2 = v2;
    }
    /// <summary>
    /// One signal through a two-section cascade and another through a single section, in one loop (the three
    /// recursions overlap); same arithmetic as <see cref="ProcessCascade"/> and <see cref="Process(in BiquadCoefficients, Span{float})"/>.
    /// </summary>
    public static void ProcessCascadeAndSingle(
        in BiquadCoefficients c1, ref BiquadState s1, in BiquadCoefficients c2, ref BiquadState s2, Span<float> cascaded,
        in BiquadCoefficients c3, ref BiquadState s3, Span<float> single)
    {
        double p0 = c1.B0, p1 = c1.B1, p2 = c1.B2, pa1 = -c1.A1, pa2 = -c1.A2;
        double q0 = c2.B0, q1 = c2.B1, q2 = c2.B2, qa1 = -c2.A1, qa2 = -c2.A2;
        double r0 = c3.B0, r1 = c3.B1, r2 = c3.B2, ra1 = -c3.A1, ra2 = -c3.A2;
        double u1 = s1.Z1, u2 = s1.Z2, v1 = s2.Z1, v2 = s2.Z2, w1 = s3.Z1, w2 = s3.Z2;
        var n = cascaded.Length;
        if (single.Length != n)
        {
            throw new ArgumentException("Both signals need the same length.", nameof(single));
        }

        for (var i = 0; i < n; i++)
        {
            var x = FloatWidening.Widen(cascaded[i]);
            var m = FloatWidening.Widen(single[i]);
            var y = Fma(p0, x, u1);
            var o = Fma(r0, m, w1);
            u1 = Fma(pa1, y, Fma(p1, x, u2));
            w1 = Fma(ra1, o, Fma(r1, m, w2));
            u2 = Fma(pa2, y, p2 * x);
            w2 = Fma(ra2, o, r2 * m);
            var z = Fma(q0, y, v1);
            v1 = Fma(qa1, z, Fma(q1, y, v2));
            v2 = Fma(qa2, z, q2 * y);
            cascaded[i] = (float)z;
            single[i] = (float)o;
        }

        s1.Z1 = u1;
        s1.Z2 = u2;
        s2.Z1 = v1;
        s2.Z2 = v2;
        s3.Z1 = w1;
        s3.Z2 = w2;
    }
    /// <summary>Two signals (e.g. left and right) through the same two-section cascade in one interleaved loop; same arithmetic as <see cref="ProcessCascade"/>.</summary>
    public static void ProcessCascadePair(
        in BiquadCoefficients c1, in BiquadCoefficients c2, ref BiquadState a1State, ref BiquadState a2State, ref BiquadState b1State, ref BiquadState b2State,
        ReadOnlySpan<float> inputA, Span<float> outputA, ReadOnlySpan<float> inputB, Span<float> outputB)
    {
        double p0 = c1.B0, p1 = c1.B1, p2 = c1.B2, pa1 = -c1.A1, pa2 = -c1.A2;
        double q0 = c2.B0, q1 = c2.B1, q2 = c2.B2, qa1 = -c2.A1, qa2 = -c2.A2;
        double au1 = a1State.Z1, au2 = a1State.Z2, av1 = a2State.Z1, av2 = a2State.Z2;
        double bu1 = b1State.Z1, bu2 = b1State.Z2, bv1 = b2State.Z1, bv2 = b2State.Z2;
        var n = inputA.Length;
        if (inputB.Length != n || outputA.Length < n || outputB.Length < n)
        {
            throw new ArgumentException("Both signals need the same length.", nameof(inputB));
        }

        for (var i = 0; i < n; i++)
        {
            var xa = FloatWidening.Widen(inputA[i]);
            var xb = FloatWidening.Widen(inputB[i]);
            var ya = Fma(p0, xa, au1);
            var yb = Fma(p0, xb, bu1);
            au1 = Fma(pa1, ya, Fma(p1, xa, au2));
            bu1 = Fma(pa1, yb, Fma(p1, xb, bu2));
            au2 = Fma(pa2, ya, p2 * xa);
            bu2 = Fma(pa2, yb, p2 * xb);
            var wa = Fma(q0, ya, av1);
            var wb = Fma(q0, yb, bv1);
            av1 = Fma(qa1, wa, Fma(q1, ya, av2));
            bv1 = Fma(qa1, wb, Fma(q1, yb, bv2));
            av2 = Fma(qa2, wa, q2 * ya);
            bv2 = Fma(qa2, wb, q2 * yb);
            outputA[i] = (float)wa;
            outputB[i] = (float)wb;
        }

        a1State.Z1 = au1;
        a1State.Z2 = au2;
        a2State.Z1 = av1;
        a2State.Z2 = av2;
        b1State.Z1 = bu1;
        b1State.Z2 = bu2;
        b2State.Z1 = bv1;
        b2State.Z2 = bv2;
    }
    /// <summary>
    /// Every channel through the same sections in order (cascade), channels paired so two recursions interleave:
    /// <paramref name="states"/> holds channel c's state for section s at c·sections.Length + s.
    /// </summary>
    public static void ProcessChannels(ReadOnlySpan<BiquadCoefficients> sections, Span<BiquadState> states, in AudioBlock block)
    {
        var n = sections.Length;
        var c = 0;
        for (; c + 1 < block.ChannelCount; c += 2)
        {
            Span<float> a = block[c], b = block[c + 1];
            var s = 0;
            for (; s + 1 < n; s += 2)
            {
                ProcessCascadePair(sections[s], sections[s + 1], ref states[(c * n) + s], ref states[(c * n) + s + 1], ref states[((c + 1) * n) + s], ref states[((c + 1) * n) + s + 1], a, a, b, b);
            }

            if (s < n)
            {
                ProcessPair(sections[s], ref states[(c * n) + s], ref states[((c + 1) * n) + s], a, a, b, b);
            }
        }

        for (; c < block.ChannelCount; c++)
        {
            Span<float> x = block[c];
            var s = 0;
            for (; s + 1 < n; s += 2)
            {
                ProcessCascade(sections[s], ref states[(c * n) + s], sections[s + 1], ref states[(c * n) + s + 1], x, x);
            }

            if (s < n)
            {
                states[(c * n) + s].Process(sections[s], x);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Fma(double a, double b, double c) => double.MultiplyAddEstimate(a, b, c);
}
