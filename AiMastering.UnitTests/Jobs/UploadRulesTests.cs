using AiMastering.Jobs.Model;
using AiMastering.Jobs.Uploads;

namespace AiMastering.UnitTests.Jobs;

public sealed class UploadRulesTests
{
    private const long Limit = 500_000_000;

    [Theory]
    [InlineData("mix.wav", "audio/wav")]
    [InlineData("mix.WAV", "audio/x-wav")]
    [InlineData("mix.wave", "audio/wave")]
    [InlineData("mix.wav", "audio/vnd.wave")]
    [InlineData("mix.aif", "audio/aiff")]
    [InlineData("mix.aiff", "audio/x-aiff")]
    [InlineData("mix.flac", "audio/flac")]
    public void Accepted_types_with_matching_names_pass(string name, string type) =>
        UploadRules.Check(name, type, 1000, Limit).ShouldBeNull();

    [Fact]
    public void Oversize_file_is_refused_with_both_sizes_in_megabytes()
    {
        var refusal = UploadRules.Check("big.wav", "audio/wav", 812_000_000, Limit);
        refusal.ShouldNotBeNull();
        refusal.Value.Code.ShouldBe(ErrorCode.FileTooLarge);
        refusal.Value.Message.ShouldBe("File is 812 MB; the limit is 500 MB.");
    }

    [Fact]
    public void Text_is_refused_as_unsupported_type()
    {
        var refusal = UploadRules.Check("notes.txt", "text/plain", 10, Limit);
        refusal!.Value.Code.ShouldBe(ErrorCode.UnsupportedType);
        refusal.Value.Message.ShouldContain("WAV, AIFF or FLAC");
    }

    [Theory]
    [InlineData("song.mp3", "audio/wav")]
    [InlineData("song.flac", "audio/wav")]
    [InlineData("song", "audio/aiff")]
    public void Name_and_type_must_agree(string name, string type) =>
        UploadRules.Check(name, type, 10, Limit)!.Value.Code.ShouldBe(ErrorCode.ExtensionMismatch);

    [Fact]
    public void Zero_bytes_is_refused_at_presign() =>
        UploadRules.Check("a.wav", "audio/wav", 0, Limit)!.Value.Code.ShouldBe(ErrorCode.EmptyUpload);
}
