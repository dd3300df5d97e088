namespace AiMastering.Engine.Decoding;

/// <summary>Sanity limits for header values; beyond them the header is damaged, not merely unusual.</summary>
internal static class HeaderLimits
{
    public const int MinSampleRate = 1000;
    public const int MaxSampleRate = 768_000;
    public const int MaxPlausibleChannels = 64;
    public const double MaxPlausibleSeconds = 24 * 3600;

    /// <summary>A declared data size at or beyond 2 GiB that the file does not hold is a damaged header (e.g. 0xFFFFFFFF).</summary>
    public const long AbsurdDataBytes = 1L << 31;

    public static void CheckFormat(int sampleRate, int channels)
    {
        if (channels <= 0 || channels > MaxPlausibleChannels)
        {
            throw DecodeErrors.Absurd($"it claims {channels} channels");
        }

        if (sampleRate < MinSampleRate || sampleRate > MaxSampleRate)
        {
            throw DecodeErrors.Absurd($"it claims a sample rate of {sampleRate} Hz");
        }
    }

    public static void CheckData(long declaredBytes, long availableBytes, int bytesPerFrame, int sampleRate)
    {
        var declaredSeconds = declaredBytes / (double)bytesPerFrame / sampleRate;
        if (declaredBytes > availableBytes)
        {
            if (declaredBytes >= AbsurdDataBytes || declaredSeconds > MaxPlausibleSeconds)
            {
                throw DecodeErrors.Absurd($"it claims {declaredBytes:N0} bytes of audio in a file of {availableBytes:N0} bytes");
            }

            throw DecodeErrors.Truncated(declaredSeconds, availableBytes / (double)bytesPerFrame / sampleRate);
        }

        if (declaredSeconds > MaxPlausibleSeconds)
        {
            throw DecodeErrors.Absurd($"it claims {declaredSeconds / 3600:0} hours of audio");
        }
    }
}
