using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StoryBot.Storage;

namespace StoryBot.Hosting;

/// <summary>
/// The host's protective limits in one place (docs/reliability.md): one turn at a time per
/// conversation, bounded conversation state, a bounded connector timeout, a graceful-shutdown window,
/// per-conversation rate limiting and a last-resort error shield. Program.cs only calls these.
/// </summary>
public static class StoryBotReliability
{
    /// <summary>HttpContext item where request validation leaves "channelId|conversationId" for the rate limiter.</summary>
    public const string ConversationKeyItem = "storybot.conversationKey";

    /// <summary>
    /// Turn safety for every way into the bot (HTTP, command line, in-process endpoints): the turn gate
    /// and its adapter middleware, the bot's state storage (the only <see cref="IStorage"/> registered:
    /// bounded memory, or Redis with <c>Storage:Kind=redis</c>) and the connector's HTTP timeout.
    /// </summary>
    public static IServiceCollection AddStoryBotTurnSafety(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ConversationTurnGate)))
        {
            return services; // once only: a second SerialTurnsMiddleware on the same gate would wait on itself
        }

        services.AddReliabilityOptions();

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<ReliabilityOptions>();
            return new ConversationTurnGate(o.MaxQueuedTurnsPerConversation, o.TurnQueueTimeout, sp.GetService<StoryBotMetrics>());
        });
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, SerialTurnsMiddleware>();

        services.AddStoryBotStorage(); // Storage:Kind: bounded memory (default) or Redis shared by every instance

        // The SDK's connector factory calls IHttpClientFactory.CreateClient() (the default client) when one
        // is registered, else news up an HttpClient with a 100 s timeout: this bounds a slow serviceUrl.
        services.AddHttpClient(Options.DefaultName).ConfigureHttpClient((sp, client) =>
            client.Timeout = sp.GetRequiredService<ReliabilityOptions>().ConnectorTimeout);

        services.AddOptions<HostOptions>().Configure<ReliabilityOptions>((host, o) => host.ShutdownTimeout = o.ShutdownTimeout);
        return services;
    }

    /// <summary>
    /// ASP.NET Core's rate limiter, partitioned by conversation (never by IP alone: all Teams traffic comes
    /// from Microsoft's servers). Settings: section RateLimiting (Enabled true|false|auto, PermitLimit,
    /// WindowSeconds). Only activity posts are limited; /healthz and everything else pass. With
    /// <c>Storage:Kind=redis</c> the windows are counted in Redis (<see cref="RedisRateLimiter"/>), so the limit
    /// holds across instances.
    /// </summary>
    public static IServiceCollection AddStoryBotRateLimiting(this IServiceCollection services)
    {
        services.AddReliabilityOptions();
        services.AddStoryBotStorage();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ReliabilityOptions, ILoggerFactory, IServiceProvider>((options, o, loggers, sp) =>
        {
            var logger = loggers.CreateLogger("StoryBot.RateLimiting");
            var metrics = sp.GetService<StoryBotMetrics>();
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var storage = sp.GetRequiredService<StorageOptions>();
            options.GlobalLimiter = storage.UsesRedis
                ? new RedisRateLimiter(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), storage.KeyPrefix, context => o.RateLimitingEnabled ? PartitionKey(context) : null, o.RateLimitPermits, o.RateLimitWindow)
                : PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var key = o.RateLimitingEnabled ? PartitionKey(context) : null;
                return key is null
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = o.RateLimitPermits,
                        Window = o.RateLimitWindow,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : Math.Max(1, (int)Math.Ceiling(o.RateLimitWindow.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                metrics?.RecordRejected("rate_limited");
                logger.LogWarning("Rate limit: rejected a request to {Path}; retry after {Seconds} s", rejected.HttpContext.Request.Path, seconds);
                await ProblemResponses.WriteAsync(response, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This conversation sent too many activities. Retry after {seconds} s.", cancellationToken);
            };
        });
        return services;
    }

    /// <summary>
    /// Kestrel's request-body limit set to <see cref="ReliabilityOptions.MaxActivityBytes"/>, the one size
    /// limit: activity validation enforces the same number with a problem body, and Direct Line's own
    /// limit may only be smaller.
    /// </summary>
    public static IServiceCollection AddStoryBotRequestLimit(this IServiceCollection services)
    {
        services.AddReliabilityOptions();
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<ReliabilityOptions>((kestrel, o) => kestrel.Limits.MaxRequestBodySize = o.MaxActivityBytes);
        return services;
    }

    private static void AddReliabilityOptions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ReliabilityOptions.From(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetService<IHostEnvironment>()?.EnvironmentName ?? Environments.Production));
    }

    /// <summary>Adds the rate limiter; call after request validation, which finds the conversation id.</summary>
    public static IApplicationBuilder UseStoryBotRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>Adds the error shield; call first, so nothing below it can answer with a stack trace.</summary>
    public static IApplicationBuilder UseStoryBotErrorShield(this IApplicationBuilder app) => app.UseMiddleware<ErrorShieldMiddleware>();

    /// <summary>
    /// The conversation a request belongs to: what validation found in an activity posted to
    /// /api/messages, or a <c>{conversationId}</c> route value on a POST (the Direct Line endpoint); null
    /// (not limited) for anything else, e.g. /healthz.
    /// </summary>
    internal static string? PartitionKey(HttpContext context)
    {
        if (context.Items.TryGetValue(ConversationKeyItem, out var item) && item is string key)
        {
            return key;
        }

        if (HttpMethods.IsPost(context.Request.Method) && context.Request.RouteValues.TryGetValue("conversationId", out var id) && id is string routeId && routeId.Length > 0)
        {
            return "route|" + routeId;
        }

        return null;
    }
}
