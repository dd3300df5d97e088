using AiMastering.Jobs.Model;

namespace AiMastering.UnitTests.Jobs;

/// <summary>The wire names (the moves between statuses are tested on every store by <c>JobStoreContract</c>).</summary>

public sealed class JobStatusesTests
{
    [Fact]
    public void Wire_names_round_trip()
    {
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            JobStatuses.FromWire(status.ToWire()).ShouldBe(status);
        }
    }

    [Fact]
    public void Error_codes_have_stable_snake_case_names()
    {
        ErrorCode.TooManyChannels.ToWire().ShouldBe("too_many_channels");
        ErrorCode.FileTooLarge.ToWire().ShouldBe("file_too_large");
        ErrorCodes.FromWire("silent_audio").ShouldBe(ErrorCode.SilentAudio);
        ErrorCode.StorageUnavailable.IsTransient().ShouldBeTrue();
        ErrorCode.NotAudio.IsTransient().ShouldBeFalse();
    }
}
