using AiMastering.Jobs.Model;

namespace AiMastering.Tests.Jobs;

public sealed class JobStatusMachineTests
{
    [Theory]
    [InlineData(JobStatus.Queued, JobStatus.Processing)]
    [InlineData(JobStatus.Processing, JobStatus.Done)]
    [InlineData(JobStatus.Processing, JobStatus.Failed)]
    [InlineData(JobStatus.Processing, JobStatus.Queued)]
    [InlineData(JobStatus.Failed, JobStatus.Queued)]
    public void Allowed_moves(JobStatus from, JobStatus to) => JobStatusMachine.CanMove(from, to).ShouldBeTrue();

    [Theory]
    [InlineData(JobStatus.Done, JobStatus.Queued)]
    [InlineData(JobStatus.Done, JobStatus.Processing)]
    [InlineData(JobStatus.Queued, JobStatus.Done)]
    [InlineData(JobStatus.Failed, JobStatus.Done)]
    public void A_finished_or_unclaimed_job_cannot_jump(JobStatus from, JobStatus to)
    {
        JobStatusMachine.CanMove(from, to).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => JobStatusMachine.EnsureCanMove(from, to));
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            JobStatusMachine.FromWire(status.ToWire()).ShouldBe(status);
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
