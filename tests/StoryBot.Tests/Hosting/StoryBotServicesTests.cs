using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoryBot.Adapters;
using StoryBot.Hosting;
using Xunit;

namespace StoryBot.Tests.Hosting;

/// <summary>The registration every way into the bot shares: one of each mechanism, nothing replaced behind its back.</summary>
public sealed class StoryBotServicesTests
{
    private static ServiceCollection Registered(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddStoryBot(configuration, Repo.Root);
        return services;
    }

    [Fact]
    public void One_storage_one_turn_gate_and_one_ordering_middleware_are_registered()
    {
        var services = Registered();
        Assert.Single(services, d => d.ServiceType == typeof(IStorage));
        Assert.Single(services, d => d.ServiceType == typeof(ConversationTurnGate));
        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Bot.Builder.IMiddleware));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<BoundedMemoryStorage>(provider.GetRequiredService<IStorage>());
        Assert.IsType<SharedClientsBotFrameworkAuthentication>(provider.GetRequiredService<BotFrameworkAuthentication>());
    }

    [Fact]
    public void Each_limit_comes_from_configuration_or_its_one_default()
    {
        using var defaults = Registered().BuildServiceProvider();
        var gate = defaults.GetRequiredService<ConversationTurnGate>();
        Assert.Equal(new ReliabilityOptions().MaxQueuedTurnsPerConversation, gate.MaxQueuedPerConversation);
        Assert.Equal(new ReliabilityOptions().TurnQueueTimeout, gate.QueueTimeout);
        Assert.Null(defaults.GetRequiredService<StoryBotOptions>().ConfidenceThreshold); // the knowledge core's default applies

        using var configured = Registered(new Dictionary<string, string?>
        {
            ["Turns:MaxQueuedPerConversation"] = "3",
            ["Turns:QueueTimeoutSeconds"] = "2",
            ["Answer:ConfidenceThreshold"] = "0.7",
            ["Hosting:MaxActivityBytes"] = "65536",
        }).BuildServiceProvider();
        Assert.Equal(3, configured.GetRequiredService<ConversationTurnGate>().MaxQueuedPerConversation);
        Assert.Equal(TimeSpan.FromSeconds(2), configured.GetRequiredService<ConversationTurnGate>().QueueTimeout);
        Assert.Equal(0.7, configured.GetRequiredService<StoryBotOptions>().ToKnowledgeOptions().ConfidenceThreshold);
        Assert.Equal(65536, configured.GetRequiredService<ReliabilityOptions>().MaxActivityBytes);
    }
}
