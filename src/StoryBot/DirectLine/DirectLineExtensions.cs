using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using StoryBot.Storage;

namespace StoryBot.DirectLine;

/// <summary>
/// The two calls the host makes to get the Web Chat page and its Direct Line endpoint:
/// <c>builder.Services.AddDirectLine(builder.Configuration)</c> and <c>app.MapDirectLine()</c>.
/// They expect the host to have registered its <c>CloudAdapter</c> and <c>IBot</c>: the endpoint runs
/// that same bot.
/// </summary>
public static class DirectLineExtensions
{
    /// <summary>Registers the conversation store, the Azure token exchange, the eviction sweep and the start-up warm-up
    /// of the page's turn path, bound to the <c>DirectLine</c> configuration section. Turns run through the host's own
    /// in-process runner.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineConversationStore>();
        // Storage:Kind=redis: conversations, tokens and streams shared by every instance (same bounds).
        services.AddSingleton<IDirectLineStore>(sp => sp.GetService<StorageOptions>() is { UsesRedis: true } storage
            ? ActivatorUtilities.CreateInstance<RedisDirectLineStore>(sp, sp.GetRequiredService<IConnectionMultiplexer>(), storage.KeyPrefix)
            : sp.GetRequiredService<DirectLineConversationStore>());
        services.AddSingleton<DirectLineAzureTokenClient>();
        services.AddHttpClient(DirectLineAzureTokenClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<DirectLineEvictionService>();
        services.AddHostedService<WebChatWarmUpService>();
        return services;
    }

    /// <summary>Maps the page at <c>/</c>, its files at <c>/webchat/*</c>, the page's token endpoint
    /// <c>POST /api/directline/token</c> and the Direct Line 3.0 subset under <c>/v3/directline</c>.</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        WebChatPage.Map(endpoints);
        DirectLineEndpoints.Map(endpoints);
        return endpoints;
    }
}
