using System.Globalization;
using System.Threading.RateLimiting;
using AiMastering.ApiService.Identity;
using AiMastering.ApiService.Infrastructure;
using AiMastering.Jobs.Model;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AiMastering.ApiService.Limits;

/// <summary>
/// Upload and job requests per minute, counted per user and per client address (both must allow it).
/// Only endpoints marked with <see cref="RequireSubmitRateLimit"/> count; everything else is free.
/// </summary>
public static class SubmitRateLimiting
{
    public static IServiceCollection AddSubmitRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((o, limits) =>
        {
            var perUser = limits.Value.SubmitsPerMinutePerUser;
            var perIp = limits.Value.SubmitsPerMinutePerIp;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, "user:" + c.Features.Get<Caller>()?.UserId, perUser)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, "ip:" + c.Connection.RemoteIpAddress, perIp)));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    public static TBuilder RequireSubmitRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(Marker.Instance);

    private static RateLimitPartition<string> Partition(HttpContext context, string key, int perMinute) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is null
            ? RateLimitPartition.GetNoLimiter("free")
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Of(ErrorCode.RateLimited,
            $"Too many uploads in a short time. Wait {seconds} seconds and try again.",
            StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
    }

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}
