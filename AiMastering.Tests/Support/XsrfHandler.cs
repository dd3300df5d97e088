using System.Net;

namespace AiMastering.Tests.Support;

/// <summary>
/// What Angular's HttpClient does: on every state-changing call, send the <c>XSRF-TOKEN</c> cookie's value
/// back as <c>X-XSRF-TOKEN</c>. The cookies themselves live in <paramref name="cookies"/>, as in a browser.
/// </summary>
public sealed class XsrfHandler(CookieContainer cookies) : DelegatingHandler(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
{
    public bool SendToken { get; set; } = true;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (SendToken && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head
            && cookies.GetCookies(request.RequestUri!)["XSRF-TOKEN"] is { } token)
        {
            request.Headers.Remove("X-XSRF-TOKEN");
            request.Headers.Add("X-XSRF-TOKEN", token.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
