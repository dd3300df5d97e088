using System.Runtime.InteropServices;

namespace AiMastering.Engine.Encoding.Native;

/// <summary>A LAME encoder (lame_global_flags*), closed with lame_close.</summary>
internal sealed class LameHandle : SafeHandle
{
    public LameHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => LameNative.lame_close(handle) == 0;
}
