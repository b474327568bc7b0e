using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoryBot.Adapters;
using StoryBot.Tests.Hosting;
using StoryBot.Tests.Reliability;
using Xunit;

namespace StoryBot.Tests.Adapters;

/// <summary>
/// The SDK's authentication with its per-turn service clients shared: one connector client per service
/// URL, surviving the adapter's end-of-turn dispose, and one user-token client per app id.
/// </summary>
public sealed class SharedClientsBotFrameworkAuthenticationTests
{
    private static readonly ClaimsIdentity Identity = new(new[]
    {
        new Claim(AuthenticationConstants.AudienceClaim, "3f1a6c2e-7d4b-4e0a-9a51-2b8c0f6d9e11"),
        new Claim(AuthenticationConstants.AppIdClaim, "3f1a6c2e-7d4b-4e0a-9a51-2b8c0f6d9e11"),
    });

    private static SharedClientsBotFrameworkAuthentication NewAuthentication() =>
        new(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "3f1a6c2e-7d4b-4e0a-9a51-2b8c0f6d9e11",
            ["MicrosoftAppPassword"] = "not-a-real-password",
        }).Build()));

    [Fact]
    public async Task Turns_to_one_service_url_share_one_connector_client_that_outlives_each_turns_dispose()
    {
        var auth = NewAuthentication();
        var first = await auth.CreateConnectorFactory(Identity).CreateAsync("https://smba.example/amer/", AuthenticationConstants.ToChannelFromBotOAuthScope, CancellationToken.None);
        first.Dispose(); // what CloudAdapter does at the end of every turn
        var second = await auth.CreateConnectorFactory(Identity).CreateAsync("https://smba.example/amer/", AuthenticationConstants.ToChannelFromBotOAuthScope, CancellationToken.None);
        var other = await auth.CreateConnectorFactory(Identity).CreateAsync("https://smba.example/emea/", AuthenticationConstants.ToChannelFromBotOAuthScope, CancellationToken.None);

        Assert.Same(first.Conversations, second.Conversations);
        Assert.Equal(new Uri("https://smba.example/amer/"), second.BaseUri);
        Assert.NotSame(first.Conversations, other.Conversations);
        Assert.Equal(new Uri("https://smba.example/emea/"), other.BaseUri);
        Assert.Equal(2, auth.SharedConnectorClients);
    }

    [Fact]
    public async Task Past_the_bound_a_turn_gets_a_client_of_its_own()
    {
        var auth = NewAuthentication();
        var factory = auth.CreateConnectorFactory(Identity);
        for (var i = 0; i < SharedClientsBotFrameworkAuthentication.MaxSharedClients + 10; i++)
        {
            using var client = await factory.CreateAsync($"https://host{i}.example/", null!, CancellationToken.None);
            Assert.Equal(new Uri($"https://host{i}.example/"), client.BaseUri);
        }

        Assert.Equal(SharedClientsBotFrameworkAuthentication.MaxSharedClients, auth.SharedConnectorClients);
    }

    [Fact]
    public async Task Every_turn_of_an_app_id_gets_the_same_user_token_client()
    {
        var auth = NewAuthentication();
        var first = await auth.CreateUserTokenClientAsync(Identity, CancellationToken.None);
        first.Dispose();
        var second = await auth.CreateUserTokenClientAsync(Identity, CancellationToken.None);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Over_http_turns_build_one_connector_client_per_service_url_not_one_per_turn()
    {
        using var host = new StoryBotHost();
        using var client = host.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            var serviceUrl = i % 2 == 0 ? "http://127.0.0.1:9/a/" : "http://127.0.0.1:9/b/";
            Assert.Equal(200, (await Activities.PostAsync(client, Activities.Json(Activities.Message("shared-" + i, "who did Trump fire?", serviceUrl)))).Status);
        }

        var auth = Assert.IsType<SharedClientsBotFrameworkAuthentication>(host.Services.GetRequiredService<BotFrameworkAuthentication>());
        Assert.Equal(2, auth.SharedConnectorClients);
    }
}
