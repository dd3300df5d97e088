using System.Text.Json;
using AiMastering.Tests.Application;
using AiMastering.Tests.Support;
using Microsoft.Playwright;

namespace AiMastering.Tests.Browser;

/// <summary>While a long track is mastered, the job page walks through the stages with a filling bar.</summary>
[Collection(AppHostCollection.Name)]
public sealed class JobProgressPageTests(AppHostFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Every change of the bar's value or of the highlighted stage, recorded in the page as it happens.
    private const string RecordProgress = """
        () => {
          window.__progress = [];
          const record = () => {
            const bar = document.querySelector('[data-testid=job-progress-bar]');
            const stage = document.querySelector('app-job-progress li.current')?.getAttribute('data-stage') ?? null;
            if (!bar) return;
            const last = window.__progress[window.__progress.length - 1];
            if (!last || last.value !== bar.value || last.stage !== stage) window.__progress.push({ value: bar.value, stage });
          };
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_job_page_shows_each_stage_and_a_filling_bar_while_the_track_is_mastered()
    {
        var folder = Directory.CreateTempSubdirectory("aim-browser").FullName;
        var mixPath = Path.Combine(folder, "Long Song.wav");
        await File.WriteAllBytesAsync(mixPath, TestWav.Pcm16(44100, TestWav.MixLike(44100, 150, 2, 0.1, seed: 5)), Ct);

        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(app.Web.BaseAddress!.ToString());
        await page.EvaluateAsync(RecordProgress);
        await page.SetInputFilesAsync("[data-testid=file-input]", mixPath);
        await page.ClickAsync("[data-testid=submit]");

        var status = page.Locator("[data-testid=job-status]");
        await Assertions.Expect(page.Locator("[data-testid=job-progress-bar]")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 90_000 });
        await Assertions.Expect(status).ToContainTextAsync("Done", new LocatorAssertionsToContainTextOptions { Timeout = 180_000 });

        var seen = (await page.EvaluateAsync<JsonElement>("() => window.__progress")).EnumerateArray()
            .Select(p => (Value: p.GetProperty("value").GetDouble(), Stage: p.GetProperty("stage").GetString()))
            .ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", seen.Select(p => $"{p.Stage} {p.Value}")));
        seen.Select(p => p.Stage).OfType<string>().Distinct().Count().ShouldBeGreaterThanOrEqualTo(2, "the page showed at least two stages");
        seen.Max(p => p.Value).ShouldBeGreaterThan(seen.First(p => p.Stage is not null).Value, "the bar filled while the job ran");
        seen.Select(p => p.Value).ShouldBeInOrder(SortDirection.Ascending, "the bar never went back");
    }
}
