using AiMastering.Tests.Accounts;
using AiMastering.Tests.Support;
using Microsoft.Playwright;

namespace AiMastering.Tests.Browser;

/// <summary>Accounts in real headless Chromium: sign up, master, sign out and in; a second account and the admin.</summary>
[Collection(AccountsAppCollection.Name)]
public sealed class AccountPagesTests(AccountsAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 90_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_accounts_see_only_their_own_masters_and_the_admin_sees_both()
    {
        var first = $"{Guid.NewGuid():N}@example.test";
        await using var firstContext = await browser.Browser.NewContextAsync();
        var page = await firstContext.NewPageAsync();
        await page.GotoAsync(app.WebAddress.ToString());
        await Assertions.Expect(page.Locator("[data-testid=signin-form]")).ToBeVisibleAsync(Slow);
        await page.ClickAsync("[data-testid=to-signup]");
        await SubmitAsync(page, "signup", first);
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync(first, new() { Timeout = 30_000 });

        var jobUrl = await MasterAsync(page, "First Account Song.wav");
        await Assertions.Expect(page.Locator("[data-testid=job-status]")).ToContainTextAsync("Done", new LocatorAssertionsToContainTextOptions { Timeout = 120_000 });

        await page.ClickAsync("[data-testid=sign-out]");
        await Assertions.Expect(page.Locator("[data-testid=signin-form]")).ToBeVisibleAsync(Slow);
        await page.GotoAsync(jobUrl);
        await Assertions.Expect(page.Locator("[data-testid=signin-form]")).ToBeVisibleAsync(Slow);
        await SubmitAsync(page, "signin", first);
        await Assertions.Expect(page.Locator("[data-testid=job-status]")).ToContainTextAsync("Done", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });

        var second = $"{Guid.NewGuid():N}@example.test";
        await using var secondContext = await browser.Browser.NewContextAsync();
        var other = await secondContext.NewPageAsync();
        await other.GotoAsync(new Uri(app.WebAddress, "/signup").ToString());
        await SubmitAsync(other, "signup", second);
        await Assertions.Expect(other.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync(second, new() { Timeout = 30_000 });
        await MasterAsync(other, "Second Account Song.wav");
        await other.GotoAsync(app.WebAddress.ToString());
        await Assertions.Expect(other.Locator("[data-testid=recent-jobs]")).ToContainTextAsync("Second Account Song.wav", new() { Timeout = 30_000 });
        await Assertions.Expect(other.Locator("[data-testid=recent-jobs]")).Not.ToContainTextAsync("First Account Song.wav");
        await other.GotoAsync(jobUrl);
        await Assertions.Expect(other.Locator("[data-testid=load-error]")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(other.Locator("[data-testid=download-master]")).ToHaveCountAsync(0);

        await using var adminContext = await browser.Browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync(new Uri(app.WebAddress, "/signin?next=%2Fadmin").ToString());
        await SubmitAsync(admin, "signin", app.AdminEmail);
        await Assertions.Expect(admin.Locator("[data-testid=admin-jobs]")).ToContainTextAsync("First Account Song.wav", new() { Timeout = 30_000 });
        await Assertions.Expect(admin.Locator("[data-testid=admin-jobs]")).ToContainTextAsync("Second Account Song.wav");
    }

    private static async Task SubmitAsync(IPage page, string form, string email)
    {
        await page.FillAsync($"[data-testid={form}-form] [data-testid=email]", email);
        await page.FillAsync($"[data-testid={form}-form] [data-testid=password]", AccountSession.Password);
        await page.ClickAsync($"[data-testid={form}]");
    }

    /// <summary>Drops a mix on the start page and starts the job; returns the job page's address.</summary>
    private static async Task<string> MasterAsync(IPage page, string name)
    {
        var mix = TestWav.Pcm16(44100, TestWav.MixLike(44100, 4, 2, 0.1, seed: 5));
        await Assertions.Expect(page.Locator("[data-testid=dropzone]")).ToBeVisibleAsync(Slow);
        var dataTransfer = await page.EvaluateHandleAsync(
            "async ([name, b64]) => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));" +
            " const dt = new DataTransfer(); dt.items.add(new File([bytes], name, { type: 'audio/wav' })); return dt; }",
            new object[] { name, Convert.ToBase64String(mix) });
        await page.DispatchEventAsync("[data-testid=dropzone]", "drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        await page.ClickAsync("[data-testid=submit]");
        var status = page.Locator("[data-testid=job-status]");
        var error = page.Locator("[data-testid=upload-error]");
        await Assertions.Expect(status.Or(error)).ToBeVisibleAsync(Slow);
        if (await error.IsVisibleAsync())
        {
            Assert.Fail($"The page refused the upload: {await error.InnerTextAsync()}");
        }

        return page.Url;
    }
}
