using System.Globalization;
using System.Text.RegularExpressions;
using AiMastering.Cli;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Model.Catalog;
using AiMastering.Jobs.Uploads;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Jobs;

/// <summary>
/// The copies of the catalog (AiMastering.Jobs/Model/Catalog) that must remain elsewhere agree with it: the web app's
/// words keyed by its ids, the web app's upload checks, the engine's defaults, the README's options paragraph and the
/// CLI's help. Adding a preset or a style without its words fails here.
/// </summary>
public sealed partial class CatalogConsistencyTests
{
    private static readonly string ClientApp = Path.Combine(RepositoryPaths.Root(), "AiMastering.Web", "ClientApp", "src", "app");

    [Fact]
    public void The_web_app_has_words_for_every_choice_and_error_code_of_the_catalog()
    {
        var texts = Keys(Read("core", "texts.ts"), "TEXTS");
        string[] needed =
        [
            .. LoudnessPresets.All.Select(p => $"target.{p.Id}"), $"target.{LoudnessPresets.Custom}",
            .. MasteringStyles.All.SelectMany(s => new[] { $"style.{s.Id}", $"style.{s.Id}.hint" }),
            .. Intensities.All.Select(i => $"intensity.{i.Id}"),
            .. JobStages.Order.Select(s => $"stage.{s}"),
        ];
        needed.Except(texts).ShouldBeEmpty("words missing in core/texts.ts");
        texts.Except(needed).ShouldBeEmpty("words in core/texts.ts for choices the catalog does not have");

        Keys(Read("core", "problem.ts"), "CODE_MESSAGES").ShouldBe(Enum.GetValues<ErrorCode>().Select(c => c.ToWire()), ignoreOrder: true);

        string[] sources = [.. LoudnessPresets.All.Select(p => p.Id), LoudnessPresets.Custom, LoudnessPresets.Reference];
        Keys(Read("core", "words.ts"), "TARGET_SOURCES").ShouldBe(sources, ignoreOrder: true);
    }

    [Fact]
    public void The_web_app_knows_every_artifact_and_sends_only_upload_types_the_api_accepts()
    {
        var models = Read("core", "models.ts");
        var artifacts = Regex.Match(models, @"export interface JobArtifacts \{(?<body>[^}]*)\}").Groups["body"].Value;
        PropertyName().Matches(artifacts).Select(m => m.Groups[1].Value)
            .ShouldBe([.. ArtifactCatalog.All.Select(a => a.Name), "source"], ignoreOrder: true);

        var validation = Read("home", "file-validation.ts");
        Keys(validation, "EXTENSION_FAMILY").Select(e => "." + e).ShouldBe(UploadRules.Extensions, ignoreOrder: true);
        Keys(validation, "MIME_FAMILY").ShouldBe(UploadRules.ContentTypes, ignoreOrder: true);
    }

    [Fact]
    public void The_engine_defaults_and_words_are_the_catalog_defaults()
    {
        var engine = Engine.Mastering.MasteringSettings.Default;
        (engine.Target.Lufs, engine.Target.TruePeakDbtp).ShouldBe((LoudnessPresets.Default.Lufs, LoudnessPresets.Default.TruePeakDbtp));
        var style = MasteringStyles.Default;
        engine.Style.ShouldBe(new Engine.Mastering.MasteringStyle(style.Id, style.BassDb, style.HighMidsDb, style.HighsDb));
        engine.Intensity.ShouldBe(new Engine.Mastering.MasteringIntensity(Intensities.Default.Id, Intensities.Default.Level));
        engine.BitDepth.ShouldBe(Limits.BitDepths[0]);
        Engine.Mastering.LoudnessTarget.Unnamed.ShouldBe(LoudnessPresets.Custom);
        Engine.Mastering.LoudnessTarget.FromReference.ShouldBe(LoudnessPresets.Reference);
    }

    [Fact]
    public void The_readme_and_the_cli_help_offer_the_catalog()
    {
        var readme = Regex.Replace(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "README.md")), @"\s+", " ");
        readme.ShouldContain(OptionsParagraph());

        using var help = new StringWriter();
        CliApp.Run(["master", "--help"], help, TextWriter.Null);
        var text = Regex.Replace(help.ToString(), @"\s+", " ");
        text.ShouldContain(string.Join(" | ", LoudnessPresets.All.Select(p => p.Id)));
        text.ShouldContain(string.Join(" | ", MasteringStyles.All.Select(s => s.Id)));
        text.ShouldContain(string.Join(" | ", Intensities.All.Select(i => i.Id)));
        text.ShouldContain($"{N(Limits.Lufs.Min)}…{N(Limits.Lufs.Max)} LUFS");
    }

    /// <summary>The README's <c>options</c> paragraph as the catalog says it.</summary>
    private static string OptionsParagraph()
    {
        var presets = LoudnessPresets.All.Select((p, i) => i == 0
            ? $"`{p.Id}` ({N(p.Lufs)} LUFS, {N(p.TruePeakDbtp)} dBTP)"
            : $"`{p.Id}` ({N(p.Lufs)}, {N(p.TruePeakDbtp)})");
        static string Ids(IEnumerable<string> ids) => string.Join(" | ", ids.Select(id => $"`{id}`"));
        return $"`options`: `target` {string.Join(" · ", presets)} · `{LoudnessPresets.Custom}` with `lufs` "
            + $"({N(Limits.Lufs.Min)} to {N(Limits.Lufs.Max)}) and `truePeakDbtp` ({N(Limits.TruePeakDbtp.Min)} to {N(Limits.TruePeakDbtp.Max)}); "
            + $"`style` {Ids(MasteringStyles.All.Select(s => s.Id))}; `intensity` {Ids(Intensities.All.Select(i => i.Id))}; "
            + $"`bitDepth` {string.Join(" | ", Limits.BitDepths)}; `width` true | false; `amount` {N(Limits.Amount.Min)}–{N(Limits.Amount.Max)} (reference match). "
            + $"Defaults: {LoudnessPresets.Default.Id}, {MasteringStyles.Default.Id}, {Intensities.Default.Id}, {Limits.BitDepths[0]}, false, {N(Limits.DefaultAmount)}.";
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([ClientApp, .. path]));

    /// <summary>The keys of a TypeScript object literal <c>const NAME … = { key: …, 'a.b': … }</c>.</summary>
    private static List<string> Keys(string source, string constant)
    {
        var body = Regex.Match(source, $@"const {constant}\b[^=]*=\s*\{{(?<body>.*?)\n\}};", RegexOptions.Singleline);
        body.Success.ShouldBeTrue($"const {constant} not found");
        return [.. ObjectKey().Matches(body.Groups["body"].Value).Select(m => m.Groups["key"].Value)];
    }

    [GeneratedRegex(@"^\s*'?(?<key>[A-Za-z0-9_./-]+)'?\s*:", RegexOptions.Multiline)]
    private static partial Regex ObjectKey();

    [GeneratedRegex(@"^\s*([A-Za-z]+)\?:", RegexOptions.Multiline)]
    private static partial Regex PropertyName();
}
