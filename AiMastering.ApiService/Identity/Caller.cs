using System.Security.Claims;
using AiMastering.Accounts;

namespace AiMastering.ApiService.Identity;

/// <summary>
/// Who is calling, resolved once per request by <see cref="CallerMiddleware"/> from whichever sign-in
/// the request carries (cookie, API token, or <c>X-User-Id</c> in laptop mode). Handlers take it as a
/// parameter; stores filter by <see cref="UserId"/> in the query itself.
/// </summary>
public sealed record Caller(string UserId, bool IsAdmin)
{
    /// <summary>The owner filter for store queries: admins see every job (null), others only their own.</summary>
    public string? OwnerFilter => IsAdmin ? null : UserId;

    public static Caller? From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? new Caller(id, user.IsInRole(Roles.Admin))
            : null;

    /// <summary>Minimal-API binding: the caller resolved for this request (endpoints that take one require sign-in).</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(context.Features.Get<Caller>());
}
