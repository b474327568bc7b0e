using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StoryBot.Feedback;

/// <summary>Registers the feedback loop: its options (read now, so a bad value stops the start with one line), the store and the service.</summary>
public static class StoryBotFeedback
{
    public static IServiceCollection AddStoryBotFeedback(this IServiceCollection services, IConfiguration configuration, string configRoot)
    {
        var options = FeedbackOptions.From(configuration, configRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<IFeedbackStore>(sp => new InMemoryFeedbackStore(options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<FeedbackService>();
        return services;
    }
}
