using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using StoryBot.Hosting;

namespace StoryBot.Storage;

/// <summary>
/// Registers where conversations live (<see cref="StorageOptions"/>): the one <see cref="IStorage"/>, and
/// with <c>Storage:Kind=redis</c> the one <see cref="IConnectionMultiplexer"/> every Redis user in the host
/// shares (StackExchange.Redis is built for exactly one per process: it multiplexes and reconnects).
/// </summary>
public static class StoryBotStorage
{
    public static IServiceCollection AddStoryBotStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => StorageOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<IConnectionMultiplexer>(sp => Connect(sp.GetRequiredService<StorageOptions>()));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<ReliabilityOptions>();
            return new BoundedMemoryStorage(o.ConversationIdle, o.MaxConversations, o.StateSweepInterval, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<BoundedMemoryStorage>>());
        });
        services.TryAddSingleton<IStorage>(sp => sp.GetRequiredService<StorageOptions>().UsesRedis
            ? new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<StorageOptions>().KeyPrefix, sp.GetRequiredService<ReliabilityOptions>().ConversationIdle)
            : sp.GetRequiredService<BoundedMemoryStorage>());
        services.TryAddSingleton<SharedStateTurns>();
        services.TryAddSingleton<StorageHealth>();
        return services;
    }

    /// <summary>
    /// With <c>Storage:Kind=redis</c>: connects and pings now, so a bot whose Redis is down refuses to start
    /// (one line, no fallback to memory) instead of failing its first turns. Does nothing for memory.
    /// </summary>
    /// <exception cref="InvalidOperationException">The storage settings are wrong or Redis cannot be reached.</exception>
    public static async Task VerifyStoryBotStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<StorageOptions>();
        if (!options.UsesRedis)
        {
            return;
        }

        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new InvalidOperationException($"Redis at '{Describe(options.RedisConfiguration)}' cannot be reached (Storage:Kind=redis): {RedisFault.Describe(ex)}.");
        }
    }

    /// <summary>
    /// Connects without throwing when the server is down (it keeps retrying in the background, so service
    /// resumes by itself when Redis is back); short timeouts, so a lost server costs a turn seconds, not minutes.
    /// </summary>
    private static IConnectionMultiplexer Connect(StorageOptions options)
    {
        ConfigurationOptions config;
        try
        {
            config = ConfigurationOptions.Parse(options.RedisConfiguration);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Storage:Redis:Configuration is not a valid Redis configuration: {FirstLine(ex.Message)}");
        }

        config.AbortOnConnectFail = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 3000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 2000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 2000);
        config.ClientName ??= "storybot";
        return ConnectionMultiplexer.Connect(config);
    }

    /// <summary>The configuration string without a password, for messages.</summary>
    private static string Describe(string configuration) =>
        string.Join(',', configuration.Split(',').Where(part => !part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
