using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace StoryBot.Tests.Reliability;

/// <summary>What a bad-input case must get back.</summary>
public enum Expect
{
    /// <summary>A 4xx problem-details body (status given per case).</summary>
    Problem,

    /// <summary>200 and a message reply carrying the storybot.reply entity.</summary>
    Reply,

    /// <summary>A 2xx with no answer (activity types the bot does not answer).</summary>
    Quiet,
}

/// <summary>
/// The bad-input matrix (docs/reliability.md lists it): every case is POSTed to /api/messages of the
/// real host, in the Development environment (where ASP.NET Core would show a stack trace if anything
/// escaped), and must get a clear 4xx with short problem-details JSON, or a graceful reply.
/// </summary>
public sealed class ActivityRequestValidationTests : IClassFixture<ActivityRequestValidationTests.DevHost>
{
    public sealed class DevHost : IDisposable
    {
        public BotHost Host { get; } = new(environment: "Development");

        public void Dispose() => Host.Dispose();
    }

    private readonly DevHost _fixture;

    public ActivityRequestValidationTests(DevHost fixture) => _fixture = fixture;

    private const string Question = "Who did Trump fire at the FBI?";

    private static string Msg(string? text) => Activities.Message("matrix-" + Guid.NewGuid().ToString("N")[..8], text).ToJsonString();

    private static string With(Action<JsonObject> change)
    {
        var a = Activities.Message("matrix-" + Guid.NewGuid().ToString("N")[..8], Question);
        change(a);
        return a.ToJsonString();
    }

    private static string Raw(string json) => json;

    /// <summary>(case, content type, body, expected status, expected kind). Content type null = none sent.</summary>
    public static TheoryData<string, string?, string, int, Expect> Cases()
    {
        var json = "application/json";
        var data = new TheoryData<string, string?, string, int, Expect>
        {
            // Transport and JSON shape
            { "malformed JSON", json, "{\"type\": \"message\",", 400, Expect.Problem },
            { "empty body", json, "", 400, Expect.Problem },
            { "whitespace body", json, "   \n ", 400, Expect.Problem },
            { "JSON array", json, "[]", 400, Expect.Problem },
            { "JSON string", json, "\"hello\"", 400, Expect.Problem },
            { "JSON null", json, "null", 400, Expect.Problem },
            { "JSON nested 2000 deep", json, new string('[', 2000) + new string(']', 2000), 400, Expect.Problem },
            { "invalid UTF-8 inside a string", json, "\u0001INVALID-UTF8", 400, Expect.Problem },
            { "trailing garbage after JSON", json, Msg(Question) + "}}}", 400, Expect.Problem },
            { "content type text/plain", "text/plain", Msg(Question), 415, Expect.Problem },
            { "content type form", "application/x-www-form-urlencoded", "type=message&text=hi", 415, Expect.Problem },
            { "content type XML", "application/xml", "<activity type=\"message\"/>", 415, Expect.Problem },
            { "no content type", null, Msg(Question), 415, Expect.Problem },
            { "body over 256 KB (300 KB text)", json, Msg(new string('a', 300 * 1024)), 413, Expect.Problem },
            { "body over 1 MB", json, Msg(new string('b', 1100 * 1024)), 413, Expect.Problem },

            // Required fields
            { "missing type", json, With(a => a.Remove("type")), 400, Expect.Problem },
            { "type empty", json, With(a => a["type"] = ""), 400, Expect.Problem },
            { "type a number", json, With(a => a["type"] = 5), 400, Expect.Problem },
            { "missing conversation", json, With(a => a.Remove("conversation")), 400, Expect.Problem },
            { "conversation without id", json, With(a => a["conversation"] = new JsonObject()), 400, Expect.Problem },
            { "conversation a string", json, With(a => a["conversation"] = "c1"), 400, Expect.Problem },
            { "missing serviceUrl", json, With(a => a.Remove("serviceUrl")), 400, Expect.Problem },
            { "serviceUrl not a URL", json, With(a => a["serviceUrl"] = "not a url"), 400, Expect.Problem },
            { "serviceUrl ftp scheme", json, With(a => a["serviceUrl"] = "ftp://127.0.0.1/x"), 400, Expect.Problem },
            { "missing from", json, With(a => a.Remove("from")), 400, Expect.Problem },
            { "from a string", json, With(a => a["from"] = "user"), 400, Expect.Problem },
            { "text a number", json, With(a => a["text"] = 42), 400, Expect.Problem },
            { "text an object", json, With(a => a["text"] = new JsonObject { ["x"] = 1 }), 400, Expect.Problem },
            { "entities not an array", json, With(a => a["entities"] = "x"), 400, Expect.Problem },
            { "timestamp not a date", json, With(a => a["timestamp"] = "yesterday-ish"), 400, Expect.Problem },

            // Optional fields missing or odd
            { "missing recipient", json, With(a => a.Remove("recipient")), 200, Expect.Reply },
            { "missing channelId", json, With(a => a.Remove("channelId")), 400, Expect.Problem },
            { "missing id", json, With(a => a.Remove("id")), 200, Expect.Reply },
            { "conversation id 5000 chars", json, With(a => a["conversation"] = new JsonObject { ["id"] = new string('c', 5000) }), 200, Expect.Reply },
            { "conversation id path-like", json, With(a => a["conversation"] = new JsonObject { ["id"] = "../../etc/passwd?x=1#y" }), 200, Expect.Reply },
            { "unknown extra properties", json, With(a => { a["zzz"] = new JsonArray(1, 2); a["channelData"] = new JsonObject { ["deep"] = new JsonObject() }; }), 200, Expect.Reply },

            // Activity types the bot does not answer
            { "unknown type", json, With(a => a["type"] = "flyingSaucer"), 200, Expect.Quiet },
            { "typing", json, With(a => a["type"] = "typing"), 200, Expect.Quiet },
            { "event", json, With(a => { a["type"] = "event"; a["name"] = "whatever"; }), 200, Expect.Quiet },
            { "endOfConversation", json, With(a => a["type"] = "endOfConversation"), 200, Expect.Quiet },
            { "invoke, unknown name", json, With(a => { a["type"] = "invoke"; a["name"] = "no/such"; }), 200, Expect.Quiet },
            { "invoke, no name", json, With(a => a["type"] = "invoke"), 200, Expect.Quiet },
            { "invoke, unknown name, no expectReplies", json, With(a => { a["type"] = "invoke"; a["name"] = "no/such"; a.Remove("deliveryMode"); }), 400, Expect.Problem },
            { "invoke healthCheck (not implemented), no expectReplies", json, With(a => { a["type"] = "invoke"; a["name"] = "healthCheck"; a.Remove("deliveryMode"); }), 400, Expect.Problem },
            { "messageReaction", json, With(a => a["type"] = "messageReaction"), 200, Expect.Quiet },
            { "conversationUpdate, no members", json, With(a => { a["type"] = "conversationUpdate"; a.Remove("text"); }), 200, Expect.Quiet },

            // Message text
            { "text missing", json, With(a => a.Remove("text")), 200, Expect.Reply },
            { "text null", json, Msg(null), 200, Expect.Reply },
            { "text empty", json, Msg(""), 200, Expect.Reply },
            { "text whitespace", json, Msg("  \t \n  "), 200, Expect.Reply },
            { "text 10,000 chars", json, Msg(string.Concat(Enumerable.Repeat("comey fired ", 834))[..10_000]), 200, Expect.Reply },
            { "text one 10,000-char word", json, Msg(new string('x', 10_000)), 200, Expect.Reply },
            { "control characters", json, Msg("\u0000\u0001\u0007who did \u001b[31mTrump\u0008 fire?\u007f"), 200, Expect.Reply },
            { "emoji", json, Msg("🤖🔥 who was fired? 🇺🇸👍🏽"), 200, Expect.Reply },
            { "right-to-left", json, Msg("\u202Eمن أقال ترامب؟ מי פוטר?"), 200, Expect.Reply },
            { "mixed scripts", json, Msg("Кто fired 誰 Comey ΑΒΓ?"), 200, Expect.Reply },
            { "lone surrogate", json, Raw(Msg("placeholder").Replace("placeholder", "who \\ud800 fired")), 200, Expect.Reply },
            { "HTML tags", json, Msg("<b>who</b> did <i>Trump</i> fire?"), 200, Expect.Reply },
            { "script tag", json, Msg("<script>alert('x')</script> who did Trump fire?"), 200, Expect.Reply },
            { "img onerror", json, Msg("<img src=x onerror=alert(1)> Comey"), 200, Expect.Reply },
            { "HTML entities", json, Msg("&lt;script&gt; who &amp; why?"), 200, Expect.Reply },
            { "Markdown link injection", json, Msg("[click me](javascript:alert(1)) who was fired?"), 200, Expect.Reply },
            { "Lucene AND OR NOT", json, Msg("AND OR NOT"), 200, Expect.Reply },
            { "Lucene operators in a question", json, Msg("budget AND OR what NOT"), 200, Expect.Reply },
            { "Lucene wildcards", json, Msg("* ? ~ fir* Com?y comey~2"), 200, Expect.Reply },
            { "Lucene quotes and groups", json, Msg("\"James Comey\" (fired) : \\ / + - && || !"), 200, Expect.Reply },
            { "Lucene ranges and boosts", json, Msg("[a TO z] {x TO y} comey^4 ^"), 200, Expect.Reply },
            { "Lucene field syntax", json, Msg("text:comey AND body:trump"), 200, Expect.Reply },
            { "Lucene regex", json, Msg("/co.*y/"), 200, Expect.Reply },
            { "numbers only", json, Msg("12345 67 8.9 2017"), 200, Expect.Reply },
            { "punctuation only", json, Msg("?!?.,;:"), 200, Expect.Reply },
            { "question repeated 50 times", json, Msg(string.Join(" ", Enumerable.Repeat(Question, 50))), 200, Expect.Reply },
            { "Teams HTML with mention", json, With(a => { a["channelId"] = "msteams"; a["text"] = "<at>StoryBot</at> <p>who did <b>Trump</b> fire?</p><script>x</script>"; a["conversation"] = new JsonObject { ["id"] = "teams-" + Guid.NewGuid().ToString("N"), ["conversationType"] = "personal" }; }), 200, Expect.Reply },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_clear_4xx_or_a_graceful_reply(string name, string? contentType, string body, int expectedStatus, Expect expect)
    {
        using var client = _fixture.Host.CreateClient();
        var errorsBefore = _fixture.Host.Logs.Errors.Count;
        var bytes = body == "\u0001INVALID-UTF8"
            ? Encoding.UTF8.GetBytes(Msg(Question).Replace("\"emulator\"", "\"emula#or\"")).Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray()
            : Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.PostAsync("/api/messages", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"{name}: expected {expectedStatus}, got {(int)response.StatusCode}: {Trim(text)}");
        AssertNoLeak(name, text);

        switch (expect)
        {
            case Expect.Problem:
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(text.Length < 400, $"{name}: problem body too long ({text.Length})");
                var problem = JsonNode.Parse(text)!;
                Assert.Equal(expectedStatus, (int)problem["status"]!);
                Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
                Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
                break;
            case Expect.Reply:
                var replies = Activities.Replies(text);
                var reply = replies.FirstOrDefault(r => Activities.ReplyEntity(r) is not null);
                Assert.True(reply is not null, $"{name}: no reply with a storybot.reply entity: {Trim(text)}");
                foreach (var r in replies)
                {
                    var said = (string?)r["text"] ?? string.Empty;
                    foreach (var raw in new[] { "<script", "<img", "<b>", "<i>", "<p>", "javascript:", "\u0000", "\u001b" })
                    {
                        Assert.False(said.Contains(raw, StringComparison.OrdinalIgnoreCase), $"{name}: the reply echoes '{raw}': {said}");
                    }
                }

                break;
            case Expect.Quiet:
                Assert.DoesNotContain(Activities.Replies(text), r => Activities.ReplyEntity(r) is not null);
                break;
        }

        var newErrors = _fixture.Host.Logs.Errors.Skip(errorsBefore).ToList();
        Assert.True(newErrors.Count == 0, $"{name}: errors logged: {string.Join(" | ", newErrors)}");
    }

    [Fact]
    public void The_matrix_has_at_least_40_cases() => Assert.True(Cases().Count() >= 40);

    internal static void AssertNoLeak(string name, string body)
    {
        foreach (var leak in new[] { "   at ", "Exception", "StackTrace", ".cs:line", "Microsoft.Bot", "System." })
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{name}: the response leaks '{leak}': {Trim(body)}");
        }
    }

    private static string Trim(string s) => s.Length > 600 ? s[..600] + "…" : s;
}
