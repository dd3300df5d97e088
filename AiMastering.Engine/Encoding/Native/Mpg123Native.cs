using System.Runtime.InteropServices;

namespace AiMastering.Engine.Encoding.Native;

/// <summary>libmpg123's feed-mode decoder API (mpg123.h), the calls the preview's true-peak check needs.</summary>
internal static unsafe partial class Mpg123Native
{
    public const int Ok = 0;
    public const int Error = -1;
    public const int NeedMore = -10;
    public const int NewFormat = -11;
    public const int Done = -12;

    /// <summary>mpg123_parms MPG123_ADD_FLAGS; flag MPG123_QUIET (no messages on stderr).</summary>
    public const int AddFlags = 2;
    public const int Quiet = 0x20;

    /// <summary>MPG123_MONO | MPG123_STEREO, MPG123_ENC_FLOAT_32.</summary>
    public const int MonoOrStereo = 1 | 2;
    public const int EncodingFloat32 = 0x200;

    /// <summary>Needed before mpg123_new by libmpg123 before 1.27 (a no-op since).</summary>
    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial int mpg123_init();

    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial Mpg123Handle mpg123_new(nint decoder, int* error);

    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial void mpg123_delete(nint handle);

    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial int mpg123_param(Mpg123Handle handle, int type, CLong value, double floatValue);

    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial int mpg123_format_none(Mpg123Handle handle);

    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial int mpg123_format(Mpg123Handle handle, CLong rate, int channels, int encodings);

    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial int mpg123_open_feed(Mpg123Handle handle);

    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial int mpg123_decode(Mpg123Handle handle, byte* input, nuint inputSize, byte* output, nuint outputSize, nuint* done);

    [LibraryImport(NativeCodecs.Mpg123)]
    public static partial nint mpg123_plain_strerror(int error);
}
