namespace AiMastering.Engine.Encoding;

/// <summary>
/// Joins encoded segments into preview.mp3: the first segment's ID3v2 tag and Info/LAME tag frame, then each
/// segment's kept frames (<see cref="Mp3Segment"/>), and patches the tag for the joined stream so that gapless
/// decoders give back exactly the preview's length.
/// </summary>
internal static class Mp3SegmentJoiner
{
    public static JoinedMp3 Join(Mp3SegmentPlan plan, IReadOnlyList<ReadOnlyMemory<byte>> encoded, string mp3Path)
    {
        var first = encoded[0].Span;
        var firstFrames = Mp3FrameReader.Read(first, "preview part 1");
        if (firstFrames.Count == 0 || !LameInfoTag.IsPresent(first.Slice(firstFrames[0].Offset, firstFrames[0].Length), firstFrames[0].Header))
        {
            throw new InvalidDataException("preview part 1: ffmpeg wrote no Xing/Info tag frame.");
        }

        var tagFrame = firstFrames[0];
        var format = tagFrame.Header;
        var kept = new List<(int Segment, Mp3Frame Frame)>();
        for (var k = 0; k < plan.Segments.Count; k++)
        {
            var segment = plan.Segments[k];
            var frames = k == 0 ? firstFrames.GetRange(1, firstFrames.Count - 1) : Mp3FrameReader.Read(encoded[k].Span, $"preview part {k + 1}");
            var from = segment.WarmUpFrames;
            var until = segment.KeepUntil is { } end ? end - segment.FirstFrame : frames.Count;
            if (frames.Count < until || from >= until)
            {
                throw new InvalidDataException($"preview part {k + 1}: {frames.Count} frames, but frames {from} to {until} were to be kept.");
            }

            if (frames[from].Header.SampleRate != format.SampleRate || frames[from].Header.Mono != format.Mono)
            {
                throw new InvalidDataException($"preview part {k + 1}: its sample rate or channel count differs from part 1.");
            }

            var mainDataBegin = frames[from].Header.MainDataBegin(encoded[k].Span[frames[from].Offset..]);
            if (mainDataBegin != 0)
            {
                throw new InvalidDataException($"preview part {k + 1}: the frame at the join uses {mainDataBegin} bytes of earlier frames (bit reservoir on?).");
            }

            for (var i = from; i < until; i++)
            {
                kept.Add((k, frames[i]));
            }
        }

        var audio = new byte[kept.Sum(f => (long)f.Frame.Length)];
        var positions = new List<Mp3Frame>(kept.Count);
        var at = 0;
        foreach (var (k, frame) in kept)
        {
            encoded[k].Span.Slice(frame.Offset, frame.Length).CopyTo(audio.AsSpan(at));
            positions.Add(frame with { Offset = at });
            at += frame.Length;
        }

        var tag = first.Slice(tagFrame.Offset, tagFrame.Length).ToArray();
        var delay = LameInfoTag.EncoderDelay(tag, format);
        var padding = ((long)positions.Count * Mp3FrameHeader.SamplesPerFrame) - delay - plan.PreviewLength;
        if (padding < 0 || padding > LameInfoTag.MaxPadding)
        {
            throw new InvalidDataException($"The joined preview has {positions.Count} frames for {plan.PreviewLength} samples (padding {padding}); the parts do not line up.");
        }

        LameInfoTag.Patch(tag, format, audio, positions, (int)padding);
        using (var file = new FileStream(mp3Path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            file.Write(first[..tagFrame.Offset]);
            file.Write(tag);
            file.Write(audio);
        }

        return new JoinedMp3(audio, positions, format.SampleRate, format.Channels, delay, plan.PreviewLength);
    }
}
