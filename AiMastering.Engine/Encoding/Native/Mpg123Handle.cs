namespace AiMastering.Engine.Encoding.Native;

/// <summary>An mpg123 decoder (mpg123_handle*), deleted with mpg123_delete.</summary>
internal sealed class Mpg123Handle : NativeHandle
{
    protected override bool ReleaseHandle()
    {
        Mpg123Native.mpg123_delete(handle);
        return true;
    }
}
