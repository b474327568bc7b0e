using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using StoryBot.Tests.Reliability;
using Xunit;

namespace StoryBot.Tests.Hosting;

/// <summary>
/// The real host over HTTP, the way the Emulator and the project's black-box tests talk to it:
/// conversationUpdate then a message, with replies in the response body (expectReplies) or posted to
/// the serviceUrl; request validation and channel authentication answer short problem details.
/// </summary>
public class MessagesEndpointTests : IClassFixture<MessagesEndpointTests.OpenHost>
{
    private const string Question = "Who did Trump fire at the FBI?";
    private readonly OpenHost _host;

    public MessagesEndpointTests(OpenHost host) => _host = host;

    /// <summary>The host as the Emulator finds it: no MicrosoftAppId, so no channel tokens.</summary>
    public sealed class OpenHost : IDisposable
    {
        public StoryBotHost Host { get; } = new();

        public void Dispose() => Host.Dispose();
    }

    private static JObject EmulatorActivity(string type, string conversationId, string serviceUrl, string? deliveryMode = "expectReplies")
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["localTimestamp"] = DateTimeOffset.Now.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "emulator",
            ["from"] = new JObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
            ["conversation"] = new JObject { ["id"] = conversationId },
            ["recipient"] = new JObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
            ["locale"] = "en-US",
        };
        if (deliveryMode is not null)
        {
            activity["deliveryMode"] = deliveryMode;
        }

        return activity;
    }

    private static JObject ConversationUpdate(string conversationId, string serviceUrl, string? deliveryMode = "expectReplies")
    {
        var activity = EmulatorActivity("conversationUpdate", conversationId, serviceUrl, deliveryMode);
        activity["membersAdded"] = new JArray(
            new JObject { ["id"] = "user-1", ["name"] = "User" },
            new JObject { ["id"] = "bot-1", ["name"] = "Bot" });
        return activity;
    }

    private static JObject Message(string conversationId, string serviceUrl, string text, string? deliveryMode = "expectReplies")
    {
        var activity = EmulatorActivity("message", conversationId, serviceUrl, deliveryMode);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, JObject activity, string? authorization = null) =>
        PostRawAsync(client, activity.ToString(Newtonsoft.Json.Formatting.None), authorization);

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string body, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return client.SendAsync(request);
    }

    private static async Task<JArray> RepliesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var json = JObject.Parse(body);
        return Assert.IsType<JArray>(json["activities"]);
    }

    private static JObject ReplyEntity(JToken activity) =>
        (JObject)activity["entities"]!.Single(e => (string?)e["type"] == "storybot.reply");

    private static void AssertCitesComey(JToken reply)
    {
        var entity = ReplyEntity(reply);
        Assert.Equal("answer", (string?)entity["intent"]);
        Assert.True((bool)entity["answered"]!);
        Assert.Equal(1, (int)entity["version"]!);
        Assert.InRange((double)entity["confidence"]!, 0.0, 1.0);
        var top = entity["citations"]![0]!;
        Assert.Equal("ap-2017-05-trump-lavrov", (string?)top["story"]);
        Assert.Equal(8, (int)top["paragraph"]!);
        Assert.Equal(8, (int)top["sentence"]!);
        Assert.Equal(Repo.ComeySentence, (string?)top["text"]);
        var text = (string)reply["text"]!;
        Assert.Contains("Trump on Tuesday abruptly fired FBI Director", text);
        Assert.Contains("[1]", text);
        Assert.Contains(reply["entities"]!, e => (string?)e["type"] == "https://schema.org/Message");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length < 400, $"problem body of {body.Length} chars: {body}");
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        var problem = JObject.Parse(body);
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
    }

    [Fact]
    public async Task Emulator_ConversationUpdateThenQuestion_WithExpectReplies_RepliesInTheBody()
    {
        using var client = _host.Host.CreateClient();
        var conversation = "conv-" + Guid.NewGuid().ToString("N");

        var welcome = await RepliesAsync(await PostAsync(client, ConversationUpdate(conversation, "http://localhost:56789")));
        var greeting = Assert.Single(welcome);
        Assert.Equal("message", (string?)greeting["type"]);
        Assert.StartsWith("Hi, I'm StoryBot.", (string?)greeting["text"]);
        Assert.Equal("greeting", (string?)ReplyEntity(greeting)["intent"]);

        var answer = await RepliesAsync(await PostAsync(client, Message(conversation, "http://localhost:56789", Question)));
        var reply = Assert.Single(answer);
        AssertCitesComey(reply);
        Assert.Equal(conversation, (string?)reply["conversation"]!["id"]);
    }

    [Fact]
    public async Task Emulator_QuestionWithoutExpectReplies_IsPostedToTheServiceUrl()
    {
        await using var connector = await CapturingConnector.StartAsync();
        using var client = _host.Host.CreateClient();
        var conversation = "conv-" + Guid.NewGuid().ToString("N");

        var update = ConversationUpdate(conversation, connector.ServiceUrl, deliveryMode: null);
        var updateResponse = await PostAsync(client, update);
        Assert.True(updateResponse.IsSuccessStatusCode, $"{(int)updateResponse.StatusCode}");
        Assert.True(await connector.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(10)), "no welcome reached the connector");
        var welcome = connector.For(conversation).Single();
        Assert.Equal((string?)update["id"], welcome.ReplyToId);
        Assert.StartsWith("Hi, I'm StoryBot.", (string?)welcome.Activity["text"]);

        var message = Message(conversation, connector.ServiceUrl, Question, deliveryMode: null);
        var response = await PostAsync(client, message);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.True(await connector.WaitForAsync(r => r.Count >= 2, TimeSpan.FromSeconds(10)), "no answer reached the connector");
        var posted = connector.For(conversation)[1];

        Assert.Equal((string?)message["id"], posted.ReplyToId);
        var reply = JObject.Parse(posted.Activity.ToJsonString());
        Assert.Equal((string?)message["id"], (string?)reply["replyToId"]);
        AssertCitesComey(reply);
        await Task.Delay(200);
        Assert.Equal(2, connector.For(conversation).Count); // one welcome, one question, one reply
    }

    [Fact]
    public async Task MalformedJson_Is400ProblemDetails()
    {
        using var client = _host.Host.CreateClient();

        var response = await PostRawAsync(client, "{\"type\": \"message\", \"text\": ");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MissingServiceUrl_Is400ProblemDetails()
    {
        using var client = _host.Host.CreateClient();
        var message = Message("conv-" + Guid.NewGuid().ToString("N"), "http://localhost:56789", Question);
        message.Remove("serviceUrl");

        var response = await PostAsync(client, message);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("conversation")]
    public async Task MissingTypeOrConversation_Is400ProblemDetails(string property)
    {
        using var client = _host.Host.CreateClient();
        var message = Message("conv-" + Guid.NewGuid().ToString("N"), "http://localhost:56789", Question);
        message.Remove(property);

        var response = await PostAsync(client, message);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Healthz_Is200()
    {
        using var client = _host.Host.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["status"]);
    }

    [Fact]
    public void Host_UsesTheConfiguredIndexFolder()
    {
        _host.Host.CreateClient().Dispose();

        Assert.True(File.Exists(Path.Combine(_host.Host.IndexPath, "write.lock")) || Directory.GetFiles(_host.Host.IndexPath, "segments_*").Length > 0,
            $"no index was written to {_host.Host.IndexPath}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer garbage")]
    public async Task WithAnAppId_MissingOrMalformedToken_Is401ProblemDetails(string? authorization)
    {
        using var host = new StoryBotHost(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "6a1b3c9e-5d2f-4e7a-9b8c-0d1e2f3a4b5c",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        using var client = host.CreateClient();

        var response = await PostAsync(client, Message("conv-" + Guid.NewGuid().ToString("N"), "http://localhost:56789", Question), authorization);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
