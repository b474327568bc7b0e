using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using StoryBot.Adapters;
using StoryBot.Bots;
using StoryBot.Feedback;
using StoryBot.Knowledge;
using StoryBot.Rendering;
using StoryBot.Transcripts;

namespace StoryBot.Hosting;

/// <summary>
/// Registers the bot's services the way the Bot Framework samples do, in one place, so the web host,
/// the command line (<c>ask</c>, <c>eval</c>) and the tests run exactly the same turn pipeline.
/// </summary>
public static class StoryBotServices
{
    public static IServiceCollection AddStoryBot(this IServiceCollection services, IConfiguration configuration, string configRoot)
    {
        var options = StoryBotOptions.From(configuration, configRoot);
        services.AddSingleton(options);
        services.AddSingleton(sp => StoryKnowledge.Load(options.ToKnowledgeOptions()));
        services.AddSingleton<ReplyRenderer>();

        services.AddMetrics();
        services.AddSingleton<StoryBotMetrics>();
        // The SDK's authentication, with the per-turn connector and user-token clients shared (Adapters/).
        services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedClientsBotFrameworkAuthentication(sp.GetRequiredService<ConfigurationBotFrameworkAuthentication>()));
        services.AddStoryBotTurnSafety(); // the IStorage (Storage:Kind: bounded memory or Redis), one turn at a time per conversation, connector timeout
        services.AddStoryBotTranscripts(configuration, configRoot); // after the turn gate: one conversation's activities in order
        services.AddStoryBotFeedback(configuration, configRoot); // ratings in the store of Storage:Kind
        services.AddSingleton<ConversationState, SnapshotConversationState>(); // the SDK's, with a copy instead of two JSON passes per turn for its change check

        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        // Bot:Kind=echo serves the samples' EchoBot on this same host: the load test's ceiling (docs/performance.md).
        if (string.Equals(configuration["Bot:Kind"], "echo", StringComparison.OrdinalIgnoreCase))
        {
            services.AddTransient<IBot, EchoBot>();
        }
        else
        {
            services.AddTransient<IBot, StoryBotActivityHandler>();
        }
        services.AddSingleton<InProcessTurnClient>();
        return services;
    }
}
