using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using StoryBot.Storage;

namespace StoryBot.Feedback;

/// <summary>Registers the feedback loop: its options (read now, so a bad value stops the start with one line), the store of Storage:Kind and the service.</summary>
public static class StoryBotFeedback
{
    public static IServiceCollection AddStoryBotFeedback(this IServiceCollection services, IConfiguration configuration, string configRoot)
    {
        var options = FeedbackOptions.From(configuration, configRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<IFeedbackStore>(sp => Create(sp.GetRequiredService<StorageOptions>(), options, sp.GetRequiredService<TimeProvider>(), sp.GetService<IConnectionMultiplexer>));
        services.AddSingleton<FeedbackService>();
        return services;
    }

    /// <summary>The store of Storage:Kind: Redis on the host's one connection and prefix, or this process's memory.</summary>
    public static IFeedbackStore Create(StorageOptions storage, FeedbackOptions options, TimeProvider clock, Func<IConnectionMultiplexer?> redis) =>
        storage.UsesRedis
            ? new RedisFeedbackStore(redis() ?? throw new InvalidOperationException("Storage:Kind=redis but no Redis connection is registered."), storage.KeyPrefix, options, clock)
            : new InMemoryFeedbackStore(options, clock);
}
