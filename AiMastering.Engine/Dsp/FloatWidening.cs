using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Dsp;

/// <summary>
/// float → double for the serial (IIR) loops, written so the conversion writes its whole register (vmovss, then
/// vcvtps2pd). The plain cast compiles to vcvtss2sd, which merges into its destination register; the JIT often picks a
/// register that held the previous sample's filter state, so every sample's input waited for the previous sample's
/// whole computation (a false dependency on the loop-carried path).
/// </summary>
internal static class FloatWidening
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Widen(float x) => Vector128.WidenLower(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary>Two floats as the two lanes of a vector of doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Widen(float a, float b) => Vector128.WidenLower(Vector128.Create(a, b, 0f, 0f));
}
