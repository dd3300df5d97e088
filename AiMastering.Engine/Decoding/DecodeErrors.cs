using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace AiMastering.Engine.Decoding;

/// <summary>The musician-readable messages for each <see cref="AudioProblem"/>.</summary>
internal static class DecodeErrors
{
    private const string Formats = "Please upload a WAV, AIFF or FLAC file";

    public static AudioDecodeException NotFound(string path) =>
        new(AudioProblem.FileNotFound, $"The file '{Path.GetFileName(path)}' was not found.");

    public static AudioDecodeException Empty() =>
        new(AudioProblem.EmptyFile, $"The file is empty (0 bytes). {Formats} again.");

    public static AudioDecodeException NotAudio() =>
        new(AudioProblem.NotAudio, $"This file does not contain audio we can read. {Formats}.");

    public static AudioDecodeException Unsupported(AudioContainer container) =>
        new(AudioProblem.UnsupportedFormat,
            $"This is a compressed {container.ToString().ToUpperInvariant()} file. {Formats} (a lossless export of your mix).");

    public static AudioDecodeException Mismatch(string extension, AudioContainer actual) =>
        new(AudioProblem.FormatMismatch,
            $"The file is named {extension} but actually contains {actual.ToString().ToUpperInvariant()} data. Export it again as a real WAV, AIFF or FLAC file.");

    public static AudioDecodeException NoAudio() =>
        new(AudioProblem.NoAudioData, "The file has a valid header but no audio in it. Please check the export and upload it again.");

    public static AudioDecodeException Truncated(double promisedSeconds, double presentSeconds) =>
        new(AudioProblem.Truncated, string.Create(
            CultureInfo.InvariantCulture,
            $"The file is cut off: its header promises {Clock(promisedSeconds)} of audio but only {Clock(presentSeconds)} is there. The upload or export was probably interrupted."));

    public static AudioDecodeException TruncatedHeader() =>
        new(AudioProblem.Truncated, "The file is cut off before the audio starts. The upload or export was probably interrupted.");

    public static AudioDecodeException Absurd(string what) =>
        new(AudioProblem.AbsurdHeader, $"The file's header is damaged ({what}). Please export the file again.");

    public static AudioDecodeException NonFinite() =>
        new(AudioProblem.NonFiniteSamples,
            "The file holds samples that are not numbers (NaN) or infinite, which no player can play. Please export the file again.");

    /// <summary>Float samples must be finite: a NaN or infinity would spread through every filter and meter.</summary>
    public static void CheckFinite(ReadOnlySpan<float> samples)
    {
        // x − x is 0 for every finite x and NaN for NaN and ±∞; one vector compare per block of samples.
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(samples);
            foreach (var v in vectors)
            {
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero))
                {
                    throw NonFinite();
                }
            }

            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                throw NonFinite();
            }
        }
    }

    public static AudioDecodeException Encoding(string encoding) =>
        new(AudioProblem.UnsupportedEncoding,
            $"The file uses an audio encoding we do not support ({encoding}). Please export as 16- or 24-bit PCM or 32-bit float.");

    public static AudioDecodeException TooManyChannels(int channels) =>
        new(AudioProblem.TooManyChannels, string.Create(
            CultureInfo.InvariantCulture, $"The file has {channels} channels; mastering needs a mono or stereo mix."));

    public static AudioDecodeException TooShort(double seconds) =>
        new(AudioProblem.TooShort, string.Create(
            CultureInfo.InvariantCulture, $"The audio is only {seconds:0.00} s long; mastering needs at least 1 second."));

    public static AudioDecodeException Silent() =>
        new(AudioProblem.Silent, "The audio is completely silent. Please check that the right file was exported.");

    public static AudioDecodeException Failed(string detail, Exception? inner = null) =>
        new(AudioProblem.DecoderFailed, $"The audio could not be decoded ({detail}). Please export the file again.", inner);

    private static string Clock(double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 60)}:{seconds % 60:00.0}");
}
