using System.Globalization;
using AiMastering.Engine.Decoding;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Model;

namespace AiMastering.ApiService.Limits;

/// <summary>
/// The track's length from its header, read from the first bytes of the stored object: a file too long
/// is refused at <c>POST /jobs</c> before anything downloads or decodes it.
/// </summary>
public static class TrackLength
{
    /// <summary>Enough for the header of every WAV/AIFF/FLAC we meet (chunks before the audio included).</summary>
    public const int HeadBytes = 128 * 1024;

    /// <summary>The track's duration in seconds, or null when the header cannot tell (the worker then judges the file itself).</summary>
    public static async Task<double?> ReadSecondsAsync(IBlobStore blobs, StoredFile file, CancellationToken cancellationToken)
    {
        var head = await blobs.ReadStartAsync(file.Key, HeadBytes, cancellationToken);
        if (head is null || head.Length == 0)
        {
            return null;
        }

        // The engine's probe reads a file and checks the header against the file's length: give it the
        // real head in a sparse file of the object's full size (the rest is a hole, no disk is used).
        var folder = Directory.CreateTempSubdirectory("aim-probe").FullName;
        try
        {
            var path = Path.Combine(folder, "head" + Path.GetExtension(file.FileName));
            await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await stream.WriteAsync(head, cancellationToken);
                stream.SetLength(Math.Max(file.Size, head.Length));
            }

            var probe = AudioDecoder.Probe(path);
            return probe.Frames > 0 && probe.SampleRate > 0 ? probe.DurationSeconds : null;
        }
        catch (AudioDecodeException)
        {
            return null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>"The track is 94:12 long; the limit here is 60 minutes."</summary>
    public static string TooLongMessage(double seconds, int maxMinutes)
    {
        var total = (long)Math.Floor(seconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"The track is {total / 60}:{total % 60:00} long; the limit here is {maxMinutes} minutes.");
    }
}
