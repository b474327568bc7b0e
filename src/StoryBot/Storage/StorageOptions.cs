namespace StoryBot.Storage;

/// <summary>
/// Where conversations live: section <c>Storage</c>. <c>memory</c> (the default) keeps everything in this
/// process, exactly as one machine needs; <c>redis</c> puts conversation state, the built-in Direct Line and
/// the rate limiter's counters in one Redis so several instances can serve the same conversations and a
/// restart forgets nothing. Other features that keep data in Redis use <see cref="KeyPrefix"/> and the one
/// registered <c>IConnectionMultiplexer</c>, so two bots can share a server without colliding.
/// </summary>
public sealed record StorageOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Storage";

    /// <summary>Storage:Kind.</summary>
    public StorageKind Kind { get; init; } = StorageKind.Memory;

    /// <summary>Storage:Redis:Configuration: a StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string RedisConfiguration { get; init; } = string.Empty;

    /// <summary>Storage:Redis:KeyPrefix: put before every key this bot writes (<c>storybot:</c>).</summary>
    public string KeyPrefix { get; init; } = "storybot:";

    /// <summary>True when state is shared through Redis.</summary>
    public bool UsesRedis => Kind == StorageKind.Redis;

    /// <summary>Reads the section; a wrong value is an <see cref="InvalidOperationException"/> with a one-line reason.</summary>
    public static StorageOptions From(IConfiguration configuration)
    {
        var d = new StorageOptions();
        var kindText = (configuration["Storage:Kind"] ?? "memory").Trim();
        var kind = kindText.ToLowerInvariant() switch
        {
            "" or "memory" => StorageKind.Memory,
            "redis" => StorageKind.Redis,
            _ => throw new InvalidOperationException($"Storage:Kind must be 'memory' or 'redis', not '{kindText}'."),
        };
        var redis = (configuration["Storage:Redis:Configuration"] ?? string.Empty).Trim();
        if (kind == StorageKind.Redis && redis.Length == 0)
        {
            throw new InvalidOperationException("Storage:Kind is 'redis' but Storage:Redis:Configuration is empty (e.g. 127.0.0.1:6379).");
        }

        return new StorageOptions
        {
            Kind = kind,
            RedisConfiguration = redis,
            KeyPrefix = configuration["Storage:Redis:KeyPrefix"] ?? d.KeyPrefix,
        };
    }
}
