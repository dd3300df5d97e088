namespace AiMastering.Engine.Encoding.Native;

/// <summary>A LAME encoder (lame_global_flags*), closed with lame_close.</summary>
internal sealed class LameHandle : NativeHandle
{
    protected override bool ReleaseHandle() => LameNative.lame_close(handle) == 0;
}
