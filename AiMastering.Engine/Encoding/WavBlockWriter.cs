using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Writes a RIFF/WAVE file block by block (the long-track path writes the master as it is rendered): the header,
/// with the length known in advance, first; then the blocks, quantised like <see cref="WavWriter"/> (no dither:
/// the render has dithered 16-bit masters already). <see cref="Complete"/> checks that exactly the announced
/// number of frames was written.
/// </summary>
internal sealed class WavBlockWriter : IDisposable
{
    private readonly FileStream stream;
    private readonly int channels;
    private readonly long frames;
    private readonly int bitDepth;
    private byte[] bytes = [];

    public WavBlockWriter(string path, int sampleRate, int channels, long frames, int bitDepth)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        this.channels = channels;
        this.frames = frames;
        this.bitDepth = bitDepth;
        WavWriter.WriteHeader(stream, sampleRate, channels, frames, bitDepth);
    }

    public long Written { get; private set; }

    public void Write(AudioBlock block)
    {
        if (Written + block.Length > frames)
        {
            throw new InvalidOperationException($"The WAV file was announced with {frames} frames; {Written + block.Length} would exceed it.");
        }

        var size = block.Length * channels * (bitDepth / 8);
        if (bytes.Length < size)
        {
            bytes = new byte[size];
        }

        WavWriter.Encode(block, bitDepth, bytes.AsSpan(0, size));
        stream.Write(bytes, 0, size);
        Written += block.Length;
    }

    public void Complete()
    {
        if (Written != frames)
        {
            throw new InvalidOperationException($"The WAV file was announced with {frames} frames but {Written} were written.");
        }

        WavWriter.WritePadding(stream, channels, frames, bitDepth);
        stream.Flush();
    }

    public void Dispose() => stream.Dispose();
}
