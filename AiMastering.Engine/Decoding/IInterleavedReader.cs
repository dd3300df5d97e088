namespace AiMastering.Engine.Decoding;

/// <summary>A decoder's output: interleaved float frames, chunk by chunk (NAudio or the ffmpeg process).</summary>
internal interface IInterleavedReader : IDisposable
{
    /// <summary>Reads whole frames into <paramref name="destination"/>; returns the number of floats read (a multiple of the channel count), 0 at the end.</summary>
    int Read(Span<float> destination);

    /// <summary>After the last chunk: reports a decoder that failed without producing audio (<see cref="AudioDecodeException"/>).</summary>
    void Finish();
}
