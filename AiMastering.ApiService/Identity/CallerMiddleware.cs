namespace AiMastering.ApiService.Identity;

/// <summary>Turns the authenticated principal into the request's <see cref="Caller"/>, once.</summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (Caller.From(context.User) is { } caller)
        {
            context.Features.Set(caller);
        }

        return next(context);
    }
}
