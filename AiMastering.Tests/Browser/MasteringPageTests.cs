using AiMastering.Tests.Application;
using AiMastering.Tests.Support;
using Microsoft.Playwright;

namespace AiMastering.Tests.Browser;

/// <summary>A musician in real headless Chromium: drop a mix, wait, download the master.</summary>
[Collection(AppHostCollection.Name)]
public sealed class MasteringPageTests(AppHostFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dropping_a_mix_on_the_page_ends_with_a_downloadable_master_and_a_player()
    {
        var folder = Directory.CreateTempSubdirectory("aim-browser").FullName;
        var mixPath = Path.Combine(folder, "Browser Song.wav");
        var mix = TestWav.Pcm16(44100, TestWav.MixLike(44100, 6, 2, 0.1, seed: 3));
        await File.WriteAllBytesAsync(mixPath, mix, Ct);

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Web.BaseAddress!.ToString());

        // Drop the file on the drop zone, as a musician would drag it from the desktop.
        var dataTransfer = await page.EvaluateHandleAsync(
            "async ([name, b64]) => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));" +
            " const dt = new DataTransfer(); dt.items.add(new File([bytes], name, { type: 'audio/wav' })); return dt; }",
            new object[] { "Browser Song.wav", Convert.ToBase64String(mix) });
        await page.DispatchEventAsync("[data-testid=dropzone]", "drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        await page.ClickAsync("[data-testid=submit]");

        // Either the job page opens or the home page says why not (then the test shows that message).
        var status = page.Locator("[data-testid=job-status]");
        var error = page.Locator("[data-testid=upload-error]");
        await Assertions.Expect(status.Or(error)).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 90_000 });
        if (await error.IsVisibleAsync())
        {
            Assert.Fail($"The page refused the upload: {await error.InnerTextAsync()}");
        }

        page.Url.ShouldContain("/jobs/");
        await Assertions.Expect(status).ToContainTextAsync("Done", new LocatorAssertionsToContainTextOptions { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=preview-player]")).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-master]"));
        download.SuggestedFilename.ShouldBe("Browser Song-master.wav");
        var saved = Path.Combine(folder, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var (rate, channels, samples, codec) = await FfmpegMeter.ProbeAsync(saved, Ct);
        (rate, channels, samples, codec).ShouldBe((44100, 2, 6L * 44100, "pcm_s24le"));
    }

    [Fact]
    public async Task A_text_file_is_refused_on_the_page_before_any_upload()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aim-browser").FullName, "notes.txt");
        await File.WriteAllTextAsync(path, "not audio", Ct);
        var page = await browser.Browser.NewPageAsync();
        var uploads = 0;
        page.Request += (_, request) => uploads += request.Url.Contains("/api/uploads", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync(app.Web.BaseAddress!.ToString());
        await page.SetInputFilesAsync("[data-testid=file-input]", path);
        var submit = page.Locator("[data-testid=submit]");
        if (await submit.IsEnabledAsync())
        {
            await submit.ClickAsync();
        }

        await Assertions.Expect(page.Locator("[data-testid=upload-error]")).ToContainTextAsync("WAV");
        uploads.ShouldBe(0);
    }
}
