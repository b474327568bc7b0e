using Xunit;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace StoryBot.Tests.DirectLine;

/// <summary>Protocol tests of the built-in Direct Line endpoint against the real host (TestServer).</summary>
public sealed class DirectLineEndpointsTests : IClassFixture<DirectLineEndpointsTests.Host>
{
    /// <summary>One host for the class: every test makes its own conversations.</summary>
    public sealed class Host : IDisposable
    {
        public StoryBotFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private readonly DirectLineTestClient _client;

    public DirectLineEndpointsTests(Host host) => _client = new DirectLineTestClient(host.Factory.CreateClient());

    private static IEnumerable<JsonNode> BotMessages(JsonArray activities) =>
        activities.Select(a => a!).Where(a => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot");

    [Fact]
    public async Task Start_RunsTheWelcomeOnce()
    {
        var (token, conversationId, _) = await _client.NewConversationAsync();
        var (first, watermark) = await _client.GetActivitiesAsync(conversationId, token);
        Assert.NotEmpty(BotMessages(first));
        Assert.All(first, a => Assert.Equal("bot", (string?)a!["from"]!["role"]));

        // The widget (or a reload) starting the same conversation again must not welcome twice.
        using var again = await _client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (after, _) = await _client.GetActivitiesAsync(conversationId, token, watermark);
        Assert.Empty(after);
        var (all, _) = await _client.GetActivitiesAsync(conversationId, token);
        Assert.Equal(first.Count, all.Count);
    }

    [Fact]
    public async Task PostedMessage_IsEchoedWithClientActivityId_ThenAnsweredWithCitation()
    {
        var (token, conversationId, userId) = await _client.NewConversationAsync();
        var (_, watermark) = await _client.GetActivitiesAsync(conversationId, token);

        var id = await _client.PostMessageAsync(conversationId, token, "who did trump fire?", "client-42");

        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token, watermark);
        var echo = activities[0]!;
        Assert.Equal(id, (string?)echo["id"]);
        Assert.Equal("client-42", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Equal(userId, (string?)echo["from"]!["id"]);
        Assert.Equal("who did trump fire?", (string?)echo["text"]);
        Assert.NotNull(echo["timestamp"]);

        var reply = BotMessages(activities).First();
        Assert.Equal(id, (string?)reply["replyToId"]);
        Assert.Contains("Comey", (string?)reply["text"]);
        Assert.Matches(@"\[1\]", (string?)reply["text"]);
        Assert.Contains(((JsonArray)reply["entities"]!), e => (string?)e!["type"] == "https://schema.org/Message");

        var timestamps = activities.Select(a => DateTimeOffset.Parse((string)a!["timestamp"]!)).ToList();
        Assert.Equal(timestamps.OrderBy(t => t).Distinct(), timestamps);
    }

    [Fact]
    public async Task MissingToken_Is401_WrongToken_Is403()
    {
        var (_, conversationId, _) = await _client.NewConversationAsync();
        var wrong = "not-a-token-" + Guid.NewGuid().ToString("N");

        using (var missing = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        }

        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", null),
            (HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", new { type = "message", text = "hi" }),
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", null),
            (HttpMethod.Post, "/v3/directline/conversations", null),
            (HttpMethod.Post, "/v3/directline/tokens/refresh", null),
        })
        {
            using var response = await _client.SendAsync(method, path, wrong, body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task UnknownConversation_Is404()
    {
        var (token, _, _) = await _client.NewConversationAsync();
        using var get = await _client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/no-such-conversation/activities", token);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        using var post = await _client.SendAsync(HttpMethod.Post, "/v3/directline/conversations/no-such-conversation/activities", token, new { type = "message", text = "hi" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task OneConversationsToken_CannotReadOrWriteAnother()
    {
        var a = await _client.NewConversationAsync();
        var b = await _client.NewConversationAsync();
        const string marker = "who did trump fire? (only-in-b-7f3c)";
        await _client.PostMessageAsync(b.ConversationId, b.Token, marker);
        var (before, _) = await _client.GetActivitiesAsync(b.ConversationId, b.Token);
        Assert.Contains(before, x => (string?)x!["text"] == marker);

        using var read = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.DoesNotContain("only-in-b", await read.Content.ReadAsStringAsync());
        using var write = await _client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token, new { type = "message", text = "injected" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);

        var (after, _) = await _client.GetActivitiesAsync(b.ConversationId, b.Token);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        var (own, _) = await _client.GetActivitiesAsync(a.ConversationId, a.Token);
        Assert.DoesNotContain("only-in-b", own.ToJsonString());
        Assert.DoesNotContain("injected", own.ToJsonString());
    }

    [Fact]
    public async Task Watermarks_NeverSkipOrRepeat_WhilePostingConcurrently()
    {
        var (token, conversationId, _) = await _client.NewConversationAsync();
        var seen = new List<string>();
        string? watermark = null;
        var posts = Enumerable.Range(0, 6)
            .Select(i => _client.PostMessageAsync(conversationId, token, i % 2 == 0 ? "who did trump fire?" : "what is the story about?", $"c{i}"))
            .ToList();

        var allPosted = Task.WhenAll(posts);
        while (true)
        {
            var done = allPosted.IsCompleted;
            var (activities, next) = await _client.GetActivitiesAsync(conversationId, token, watermark);
            seen.AddRange(activities.Select(a => (string)a!["id"]!));
            watermark = next;
            if (done)
            {
                break;
            }

            await Task.Delay(5);
        }

        await allPosted;
        var (everything, _) = await _client.GetActivitiesAsync(conversationId, token);
        Assert.Equal(everything.Select(a => (string)a!["id"]!), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(6, everything.Count(a => (string?)a!["from"]!["role"] == "user"));
    }

    [Fact]
    public async Task TurnsOfOneConversation_RunOneAfterAnother()
    {
        var (token, conversationId, _) = await _client.NewConversationAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => _client.PostMessageAsync(conversationId, token, "who did trump fire?", $"c{i}")));

        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token);
        string? lastUser = null;
        foreach (var activity in activities.Select(a => a!))
        {
            if ((string?)activity["from"]!["role"] == "user")
            {
                lastUser = (string?)activity["id"];
            }
            else if (lastUser is not null)
            {
                // Every reply directly follows the message it answers: no interleaving.
                Assert.Equal(lastUser, (string?)activity["replyToId"]);
            }
        }

        Assert.Equal(ids.Order(), activities.Where(a => (string?)a!["from"]!["role"] == "user").Select(a => (string)a!["id"]!).Order());
    }

    [Fact]
    public async Task RefreshedToken_Works_ForTheSameConversationOnly()
    {
        var (token, conversationId, _) = await _client.NewConversationAsync();
        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var fresh = (string)body["token"]!;
        Assert.NotEqual(token, fresh);
        Assert.Equal(conversationId, (string?)body["conversationId"]);
        Assert.True((int)body["expires_in"]! > 60);

        await _client.GetActivitiesAsync(conversationId, fresh);
        var other = await _client.NewConversationAsync();
        using var foreign = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{other.ConversationId}/activities", fresh);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task BadBodies_AreRejected()
    {
        var (token, conversationId, _) = await _client.NewConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        using var malformed = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.Http.SendAsync(malformed)).StatusCode);

        using var wrongType = await _client.SendAsync(HttpMethod.Post, path, token, new { type = "conversationUpdate" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        using var huge = await _client.SendAsync(HttpMethod.Post, path, token, new { type = "message", text = new string('x', 100_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task PageAndBundle_AreServedFromTheHost()
    {
        using var page = await _client.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Matches("webchat/webchat-lean\\.[a-z0-9]+\\.js", html); // the page's own bundle, fingerprinted by the build
        Assert.DoesNotContain("{{title}}", html);
        Assert.DoesNotContain("https://", html);

        foreach (var (file, atLeast) in new[] { ("webchat-lean.js", 500_000), ("webchat-markdown.js", 100_000), ("webchat.js", 1_000_000) })
        {
            using var bundle = await _client.Http.GetAsync("/webchat/" + file);
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
            Assert.True(bundle.Content.Headers.ContentLength > atLeast, $"{file}: {bundle.Content.Headers.ContentLength} bytes");
        }

        using var traversal = await _client.Http.GetAsync("/webchat/..%2Fappsettings.json");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }
}
