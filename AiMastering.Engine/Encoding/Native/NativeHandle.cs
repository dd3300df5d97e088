using System.Runtime.InteropServices;

namespace AiMastering.Engine.Encoding.Native;

/// <summary>A pointer a native library handed out (0 = none), released by the derived type.</summary>
internal abstract class NativeHandle : SafeHandle
{
    protected NativeHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;
}
