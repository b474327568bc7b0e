using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

using StoryBot.Tests.DirectLine;

namespace StoryBot.Tests.Hosting;

/// <summary>
/// The one in-process turn runner needs no channel token: with <c>MicrosoftAppId</c> set (so
/// <c>/api/messages</c> demands one) the page's Direct Line conversations, which run through it, still work.
/// </summary>
public sealed class InProcessTurnClientTests
{
    [Fact]
    public async Task Conversation_Works_WhileAnAppIdIsConfigured()
    {
        using var host = new StoryBotFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "3f1a6c2e-7d4b-4e0a-9a51-2b8c0f6d9e11",
            ["MicrosoftAppPassword"] = "not-a-real-password",
        });
        var client = new DirectLineTestClient(host.CreateClient());

        // /api/messages really demands a channel token now…
        using var unauthenticated = await client.Http.PostAsJsonAsync("/api/messages", new
        {
            type = "message", text = "who did trump fire?", channelId = "emulator", serviceUrl = "http://localhost:1/",
            conversation = new { id = "c1" }, from = new { id = "u1" }, recipient = new { id = "b1" }, deliveryMode = "expectReplies",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        // …and the page's conversations still work.

        var (token, conversationId, _) = await client.NewConversationAsync();
        var id = await client.PostMessageAsync(conversationId, token, "who did trump fire?");
        var (activities, _) = await client.GetActivitiesAsync(conversationId, token);

        Assert.Contains(activities, a => (string?)a!["from"]!["role"] == "bot" && a["replyToId"] is null); // the welcome
        Assert.Contains(activities, a => (string?)a!["replyToId"] == id && ((string?)a["text"])?.Contains("Comey") == true);
    }
}
