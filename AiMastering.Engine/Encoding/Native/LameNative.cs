using System.Runtime.InteropServices;

namespace AiMastering.Engine.Encoding.Native;

/// <summary>LAME 3.100's encoder API (lame.h), the calls the preview needs.</summary>
internal static unsafe partial class LameNative
{
    /// <summary>lame.h MPEG_mode: STEREO = 0, JOINT_STEREO = 1, MONO = 3.</summary>
    public const int Stereo = 0;
    public const int JointStereo = 1;
    public const int Mono = 3;

    [LibraryImport(NativeCodecs.Lame)]
    public static partial LameHandle lame_init();

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_close(nint gfp);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_set_num_channels(LameHandle gfp, int channels);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_set_in_samplerate(LameHandle gfp, int rate);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_set_out_samplerate(LameHandle gfp, int rate);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_set_brate(LameHandle gfp, int kbps);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_set_mode(LameHandle gfp, int mode);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_set_quality(LameHandle gfp, int quality);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_set_disable_reservoir(LameHandle gfp, int disable);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_set_bWriteVbrTag(LameHandle gfp, int write);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_init_params(LameHandle gfp);

    /// <summary>Planar float input scaled to ±32768 (what ffmpeg's libmp3lame wrapper passes).</summary>
    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_encode_buffer_float(LameHandle gfp, float* left, float* right, int samples, byte* mp3, int mp3Size);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial int lame_encode_flush(LameHandle gfp, byte* mp3, int mp3Size);

    [LibraryImport(NativeCodecs.Lame)]
    public static partial nuint lame_get_lametag_frame(LameHandle gfp, byte* buffer, nuint size);
}
