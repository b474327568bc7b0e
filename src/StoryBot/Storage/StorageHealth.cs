using StackExchange.Redis;

namespace StoryBot.Storage;

/// <summary>
/// What <c>/healthz</c> says about where conversations live: with Redis, a ping answered within a second,
/// so a load balancer stops sending traffic to an instance whose store is gone and sends it again when the
/// store is back. The memory store is always healthy (the answer is exactly as before Redis existed).
/// </summary>
public sealed class StorageHealth
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);
    private readonly StorageOptions _options;
    private readonly IServiceProvider _services;

    public StorageHealth(StorageOptions options, IServiceProvider services)
    {
        _options = options;
        _services = services;
    }

    /// <summary><c>GET /healthz</c>: 200 <c>{"status":"ok"}</c>, or 503 naming the store that is unhealthy.</summary>
    public static async Task<IResult> ReportAsync(StorageHealth health, CancellationToken cancellationToken)
    {
        if (!health._options.UsesRedis)
        {
            return Results.Ok(new { status = "ok" });
        }

        var reason = await health.CheckRedisAsync(cancellationToken).ConfigureAwait(false);
        return reason is null
            ? Results.Ok(new { status = "ok", storage = "redis" })
            : Results.Json(new { status = "unhealthy", storage = "redis", detail = reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Null when Redis answers a ping in time, else a few words on why not.</summary>
    private async Task<string?> CheckRedisAsync(CancellationToken cancellationToken)
    {
        var redis = _services.GetRequiredService<IConnectionMultiplexer>();
        if (!redis.IsConnected)
        {
            return "not connected to Redis";
        }

        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(PingTimeout, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (RedisFault.IsRedisFailure(ex))
        {
            return RedisFault.Describe(ex);
        }
    }
}
