extern alias api;
using System.Text.RegularExpressions;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Model;
using AiMastering.Testing;
using api::AiMastering.ApiService.Apis;
using Microsoft.Extensions.Options;

namespace AiMastering.Tests.Jobs;

/// <summary>
/// The stages a running job passes are served by <c>GET /catalog</c> in the order the job passes them, and the web
/// app, which lists them from there, has words for each; a stage added to <see cref="JobStages"/> without its words
/// fails here.
/// </summary>
public sealed partial class StageCatalogTests
{
    [Fact]
    public void The_catalog_serves_the_stages_in_order_with_their_label_keys()
    {
        var catalog = new CatalogDocument(Options.Create(new StorageOptions())).Response;

        catalog.Stages.Select(s => s.Id).ShouldBe(JobStages.Order);
        catalog.Stages.Select(s => s.LabelKey).ShouldBe(JobStages.Order.Select(s => $"stage.{s}"));
        catalog.Stages.Where(s => s.ReferenceOnly).Select(s => s.Id).ShouldBe([JobStages.MatchingReference]);
    }

    [Fact]
    public void The_web_app_has_words_for_every_stage_and_no_list_of_its_own()
    {
        var app = Path.Combine(RepositoryPaths.Root(), "AiMastering.Web", "ClientApp", "src", "app");
        var texts = File.ReadAllText(Path.Combine(app, "core", "texts.ts"));
        var stageKeys = StageKey().Matches(texts).Select(m => m.Groups["code"].Value);
        stageKeys.ShouldBe(JobStages.Order, ignoreOrder: true);

        var progressView = File.ReadAllText(Path.Combine(app, "job", "job-progress.ts"));
        progressView.ShouldContain("catalog");
        foreach (var code in JobStages.Order)
        {
            progressView.ShouldNotContain($"'{code}'", customMessage: $"the progress view lists stage {code} itself");
        }
    }

    [GeneratedRegex(@"^\s*'stage\.(?<code>[a-z_]+)'\s*:", RegexOptions.Multiline)]
    private static partial Regex StageKey();
}
