using AiMastering.Jobs.Model;

namespace AiMastering.UnitTests.Jobs;

public sealed class JobOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_streaming_balanced_medium_24_bit_no_width()
    {
        var d = new JobOptions().Normalize();
        (d.Target, d.Lufs, d.TruePeakDbtp, d.Style, d.Intensity, d.BitDepth, d.Width)
            .ShouldBe(("streaming", -14.0, -1.0, "balanced", "medium", 24, false));
    }

    [Theory]
    [InlineData("apple", -16, -1.0)]
    [InlineData("club", -8, -0.5)]
    [InlineData("cd", -10, -0.3)]
    public void Presets_set_their_targets(string target, double lufs, double tp)
    {
        var o = new JobOptions { Target = target }.Normalize();
        o.Lufs.ShouldBe(lufs);
        o.TruePeakDbtp.ShouldBe(tp);
    }

    [Fact]
    public void Custom_target_keeps_the_given_numbers() =>
        new JobOptions { Lufs = -11, TruePeakDbtp = -0.8 }.Normalize().ShouldSatisfyAllConditions(
            o => o.Target.ShouldBe("custom"), o => o.Lufs.ShouldBe(-11), o => o.TruePeakDbtp.ShouldBe(-0.8));

    [Fact]
    public void Each_bad_field_is_named_with_a_readable_message()
    {
        var errors = JobOptionsValidator.Validate(new JobOptions
        {
            Target = "radio",
            Style = "dark",
            Intensity = "max",
            BitDepth = 20,
            Amount = 150,
        });
        errors.Keys.ShouldBe(["options.target", "options.style", "options.intensity", "options.bitDepth", "options.amount"], ignoreOrder: true);
        errors["options.bitDepth"][0].ShouldBe("Bit depth 20 is not offered; choose 24 or 16.");
    }

    [Fact]
    public void Out_of_range_custom_loudness_is_refused() =>
        JobOptionsValidator.Validate(new JobOptions { Target = "custom", Lufs = 3, TruePeakDbtp = -1 })
            .ShouldContainKey("options.lufs");

    [Fact]
    public void Valid_options_pass() =>
        JobOptionsValidator.Validate(new JobOptions { Target = "club", Style = "warm", Intensity = "high", BitDepth = 16, Width = true })
            .ShouldBeEmpty();

    [Fact]
    public void Loudness_without_a_ceiling_is_an_incomplete_custom_target() =>
        JobOptionsValidator.Validate(new JobOptions { Lufs = -11 })["options.target"][0]
            .ShouldBe("A custom target needs both lufs and truePeakDbtp.");

    [Fact]
    public void Messages_list_the_catalog_choices() =>
        JobOptionsValidator.Validate(new JobOptions { Style = "dark" })["options.style"][0]
            .ShouldBe("Unknown style 'dark'. Choose warm, balanced or bright.");
}
