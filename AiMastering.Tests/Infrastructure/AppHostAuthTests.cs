using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace AiMastering.Tests.Infrastructure;

/// <summary>The AppHost's <c>Auth</c> setting: laptop mode only on loopback, accounts everywhere else.</summary>
public sealed class AppHostAuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Laptop_mode_off_loopback_stops_the_apphost_with_a_reason()
    {
        var refusal = await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiMastering_AppHost>(
                ["Infrastructure=embedded", "Auth=none", "WebHost=0.0.0.0"], Ct);
        });
        refusal.Message.ShouldContain("Auth=none cannot be used with the front door listening on 0.0.0.0");
        refusal.Message.ShouldContain("AUTH=accounts make run");
    }

    [Theory]
    [InlineData(new string[0], "none")]
    [InlineData(new[] { "WebHost=0.0.0.0" }, "accounts")]
    [InlineData(new[] { "Auth=accounts", "Auth:AllowSignUp=false" }, "accounts")]
    public async Task The_api_is_told_how_callers_are_known(string[] settings, string mode)
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiMastering_AppHost>(
            ["Infrastructure=embedded", .. settings], Ct);
        var api = (ProjectResource)builder.Resources.Single(r => r.Name == "api");
        var env = new Dictionary<string, object>();
        foreach (var callback in api.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), env, Ct));
        }

        env["Auth__Mode"].ShouldBe(mode);
        if (settings.Contains("Auth:AllowSignUp=false"))
        {
            env["Auth__AllowSignUp"].ShouldBe("false");
        }
    }
}
