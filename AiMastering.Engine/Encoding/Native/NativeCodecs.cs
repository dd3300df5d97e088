using System.Reflection;
using System.Runtime.InteropServices;

namespace AiMastering.Engine.Encoding.Native;

/// <summary>
/// Finds the shared libraries of the two MP3 codecs the preview can run inside this process: LAME's libmp3lame (the
/// encoder ffmpeg's libmp3lame wraps: the same frames, byte for byte) and libmpg123 (the decoder). Both come with
/// ffmpeg on Debian and Ubuntu (libmp3lame0, libmpg123-0). Where either is missing the preview runs ffmpeg processes
/// as before (<see cref="Mp3Codecs"/>).
/// </summary>
internal static class NativeCodecs
{
    public const string Lame = "mp3lame";
    public const string Mpg123 = "mpg123";

    private static readonly Dictionary<string, string[]> Candidates = new(StringComparer.Ordinal)
    {
        [Lame] = ["libmp3lame.so.0", "libmp3lame.so", "libmp3lame.0.dylib", "libmp3lame.dylib", "libmp3lame.dll", "mp3lame"],
        [Mpg123] = ["libmpg123.so.0", "libmpg123.so", "libmpg123.0.dylib", "libmpg123.dylib", "libmpg123-0.dll", "mpg123"],
    };

    private static readonly string[] LameExports = ["lame_init", "lame_encode_buffer_float", "lame_encode_flush", "lame_get_lametag_frame", "lame_close"];
    private static readonly string[] Mpg123Exports = ["mpg123_new", "mpg123_open_feed", "mpg123_decode", "mpg123_format", "mpg123_delete"];

    private static readonly Lazy<nint> LameHandle = new(() => Load(Lame, LameExports));
    private static readonly Lazy<nint> Mpg123Handle = new(() => Load(Mpg123, Mpg123Exports));

    static NativeCodecs() => NativeLibrary.SetDllImportResolver(typeof(NativeCodecs).Assembly, Resolve);

    private static readonly Lazy<bool> Mpg123DecodesFloat = new(DecodesFloat);

    /// <summary>Whether libmp3lame and libmpg123 both load here, the latter with 32-bit float output (checked once).</summary>
    public static bool Available => LameHandle.Value != 0 && Mpg123Handle.Value != 0 && Mpg123DecodesFloat.Value;

    /// <summary>Throws unless <see cref="Available"/>; every native call site checks it first (it also installs the resolver).</summary>
    public static void EnsureAvailable()
    {
        if (!Available)
        {
            throw new DllNotFoundException("libmp3lame and libmpg123 are needed to encode the MP3 preview in process (Debian/Ubuntu: apt-get install libmp3lame0 libmpg123-0).");
        }
    }

    // A fixed-point build of libmpg123 has no float output; the true-peak check needs it.
    private static unsafe bool DecodesFloat()
    {
        _ = Mpg123Native.mpg123_init();
        int error;
        using var decoder = Mpg123Native.mpg123_new(0, &error);
        return !decoder.IsInvalid
            && Mpg123Native.mpg123_format_none(decoder) == Mpg123Native.Ok
            && Mpg123Native.mpg123_format(decoder, new CLong(48_000), Mpg123Native.MonoOrStereo, Mpg123Native.EncodingFloat32) == Mpg123Native.Ok;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) => name switch
    {
        Lame => LameHandle.Value,
        Mpg123 => Mpg123Handle.Value,
        _ => 0,
    };

    private static nint Load(string name, string[] exports)
    {
        foreach (var candidate in Candidates[name])
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                if (exports.All(e => NativeLibrary.TryGetExport(handle, e, out _)))
                {
                    return handle;
                }

                NativeLibrary.Free(handle);
            }
        }

        return 0;
    }
}
