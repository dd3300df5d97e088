using AiMastering.Accounts;
using AiMastering.Jobs.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AiMastering.ApiService.Identity;

/// <summary>Registers how callers are known (<see cref="AuthOptions.Mode"/>) and the two authorization policies.</summary>
public static class IdentityRegistration
{
    public const string OidcCallbackPath = "/signin-oidc";
    public const string SessionCookieName = "aim.session";

    public static WebApplicationBuilder AddCallerIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddAuthorizationBuilder()
            .AddPolicy(CallerSchemes.SignedInPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(CallerSchemes.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        if (auth.Mode == AuthMode.None)
        {
            services.AddAuthentication(CallerSchemes.Laptop)
                .AddScheme<AuthenticationSchemeOptions, LaptopAuthenticationHandler>(CallerSchemes.Laptop, null);
            return builder;
        }

        var dataFolder = Path.GetFullPath(builder.Configuration[$"{DataOptions.Section}:Folder"] ?? new DataOptions().Folder);
        // Session cookies are encrypted with these keys: kept in the data folder, a restart signs nobody out.
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")))
            .SetApplicationName("AiMastering");
        var connection = builder.Configuration.GetConnectionString("accounts") ?? AccountsStoreExtensions.DefaultConnection(dataFolder);
        services.AddAccountsStore(connection).AddSignInManager().AddDefaultTokenProviders();
        // EF Core logs every SQL command at Information; the accounts' queries are not worth a log line each.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        services.AddHostedService<AccountsInitializer>();

        var authentication = services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CallerSchemes.Caller;
                o.DefaultChallengeScheme = CallerSchemes.Caller;
                o.DefaultForbidScheme = CallerSchemes.Caller;
            })
            .AddPolicyScheme(CallerSchemes.Caller, "Session cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.IsBearer(context.Request) ? CallerSchemes.ApiToken : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(CallerSchemes.ApiToken, null);
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = SessionCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // An API answers 401/403; the web app shows its own sign-in page.
            o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
        });
        if (auth.Oidc.Enabled)
        {
            authentication.AddOidcSignIn(auth.Oidc);
        }

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryTokens.HeaderName;
            o.Cookie.Name = "aim.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    public static WebApplication UseCallerIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<CallerMiddleware>();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.Mode == AuthMode.Accounts)
        {
            app.UseMiddleware<AntiforgeryMiddleware>();
        }

        app.UseAuthorization();
        return app;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
