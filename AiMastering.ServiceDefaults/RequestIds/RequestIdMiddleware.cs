using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiMastering.ServiceDefaults.RequestIds;

/// <summary>
/// One id per request, end to end: the client's <c>X-Request-Id</c> when it is a plain token, else a new one. It
/// becomes <see cref="HttpContext.TraceIdentifier"/> (the API stores it with a job, the queue message carries it to
/// the worker's log scope), stays on the request (the web front door forwards it to the API), is returned on every
/// response and opens a log scope <c>RequestId</c>.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = RequestId.FromClient(context.Request.Headers[Header].ToString()) ?? RequestId.New();
        context.TraceIdentifier = id;
        context.Request.Headers[Header] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            await next(context);
        }
    }
}
