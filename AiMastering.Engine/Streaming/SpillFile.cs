using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AiMastering.Engine.Streaming;

/// <summary>
/// Intermediate audio of the long-track path in a temporary file instead of memory: planar 32-bit float in chunks
/// of <see cref="ChunkFrames"/> frames (chunk k holds channel 0's samples of frames [k C, (k + 1) C), then channel
/// 1's), so one channel's run of samples is one positional read or write. Reads and writes at any position, from
/// several threads at once (segments rendered in parallel). Reads outside [0, <see cref="Length"/>) give zeros.
/// The file is deleted when disposed (and by the operating system if the process dies holding it open).
/// </summary>
internal sealed class SpillFile : IPlanarSource, IPlanarSink, IDisposable
{
    public const int ChunkFrames = 65536;

    private readonly SafeFileHandle handle;

    public SpillFile(string path, int sampleRate, int channelCount, long length = 0)
    {
        Path = path;
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Length = length;
        handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
    }

    public string Path { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    /// <summary>Frames in the file; grows as blocks are appended past it.</summary>
    public long Length { get; private set; }

    public void Read(int channel, long start, Span<float> destination)
    {
        destination.Clear();
        var from = Math.Max(0, start);
        var to = Math.Min(Length, start + destination.Length);
        for (var position = from; position < to;)
        {
            var n = (int)Math.Min(ChunkFrames - (position % ChunkFrames), to - position);
            var bytes = MemoryMarshal.AsBytes(destination.Slice((int)(position - start), n));
            var offset = OffsetOf(channel, position);
            int read;
            for (var done = 0; done < bytes.Length; done += read)
            {
                read = RandomAccess.Read(handle, bytes[done..], offset + done);
                if (read == 0)
                {
                    break; // Not written: zeros.
                }
            }

            position += n;
        }
    }

    public void Write(int channel, long start, ReadOnlySpan<float> source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        for (var done = 0; done < source.Length;)
        {
            var position = start + done;
            var n = (int)Math.Min(ChunkFrames - (position % ChunkFrames), source.Length - done);
            RandomAccess.Write(handle, MemoryMarshal.AsBytes(source.Slice(done, n)), OffsetOf(channel, position));
            done += n;
        }
    }

    /// <summary>Appends a block (all channels) at <see cref="Length"/>.</summary>
    public void Append(Dsp.AudioBlock block)
    {
        for (var c = 0; c < ChannelCount; c++)
        {
            Write(c, Length, block[c]);
        }

        Length += block.Length;
    }

    /// <summary>Reads frames [start, start + count) of every channel into the arrays, from index 0.</summary>
    public void Read(long start, float[][] destination, int count)
    {
        for (var c = 0; c < ChannelCount; c++)
        {
            Read(c, start, destination[c].AsSpan(0, count));
        }
    }

    public void Dispose() => handle.Dispose();

    private long OffsetOf(int channel, long frame)
    {
        var chunk = frame / ChunkFrames;
        return ((((chunk * ChannelCount) + channel) * ChunkFrames) + (frame % ChunkFrames)) * sizeof(float);
    }
}
