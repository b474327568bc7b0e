using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// A seeded random activity generator: valid activities of every type, valid activities with one to
/// three random mutations, random JSON, and broken bodies. Every serviceUrl it produces is on loopback
/// (the capturing connector, a closed port) or invalid, so no traffic leaves the machine.
/// </summary>
internal sealed class ActivityFuzzer
{
    public enum Kind { ValidMessage, ValidOther, Mutated, RandomJson, Broken }

    private static readonly string[] Types = ["message", "conversationUpdate", "typing", "event", "invoke", "endOfConversation", "messageReaction", "installationUpdate", "messageUpdate", "messageDelete", "contactRelationUpdate", "suggestion", "trace", "handoff", "command", "zz-unknown"];
    private static readonly string[] Fields = ["type", "id", "timestamp", "localTimestamp", "channelId", "serviceUrl", "from", "recipient", "conversation", "text", "textFormat", "locale", "entities", "attachments", "channelData", "value", "name", "replyToId", "deliveryMode", "membersAdded", "membersRemoved", "action", "speak", "inputHint", "summary", "suggestedActions", "relatesTo", "callerId", "expiration", "importance", "listenFor", "semanticAction"];
    private static readonly string[] Texts =
    [
        "Who did Trump fire at the FBI?", "tell me more", "source?", "where does it say that?", "what is this story about?", "hi", "help", "thanks", "bye", "start over",
        "who are you?", "How many cruise missiles did Trump fire?", "When did Sally Yates testify?", "AND OR NOT", "\"(*?~)\" : \\ / [ ] { } ^", "<script>alert(1)</script>",
        "<b>bold</b> & <i>x</i>", "🤖🔥🇺🇸", "من أقال ترامب؟", "Кто 誰 who", "12345", "", "   ", "\u0000\u0007\u001b[0m", "comey~2 fir* trump^3", "[a TO z]",
    ];

    private readonly Random _random;
    private readonly string[] _serviceUrls;

    public ActivityFuzzer(int seed, params string[] serviceUrls)
    {
        _random = new Random(seed);
        _serviceUrls = serviceUrls;
    }

    public (Kind Kind, string ContentType, byte[] Body) Next()
    {
        var roll = _random.NextDouble();
        if (roll < 0.40)
        {
            return (Kind.ValidMessage, "application/json", Bytes(ValidMessage()));
        }

        if (roll < 0.55)
        {
            var a = ValidMessage();
            a["type"] = Pick(Types);
            if ((string?)a["type"] == "conversationUpdate")
            {
                a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user" }, new JsonObject { ["id"] = "storybot" });
            }

            if (_random.Next(2) == 0)
            {
                a["name"] = Pick(["healthCheck", "no/such", "composeExtension/query", "adaptiveCard/action", "signin/verifyState", RandomString(8)]);
            }

            if (_random.Next(3) == 0)
            {
                a.Remove("deliveryMode");
            }

            return (Kind.ValidOther, "application/json", Bytes(a));
        }

        if (roll < 0.80)
        {
            var a = _random.Next(4) == 0 ? ValidOther() : ValidMessage();
            var mutations = _random.Next(1, 4);
            for (var i = 0; i < mutations; i++)
            {
                Mutate(a);
            }

            return (Kind.Mutated, "application/json", Bytes(a));
        }

        if (roll < 0.90)
        {
            return (Kind.RandomJson, "application/json", Encoding.UTF8.GetBytes(RandomValue(0)?.ToJsonString() ?? "null"));
        }

        var valid = Encoding.UTF8.GetBytes(ValidMessage().ToJsonString());
        return _random.Next(5) switch
        {
            0 => (Kind.Broken, "application/json", valid[.._random.Next(valid.Length)]),
            1 => (Kind.Broken, "application/json", RandomBytes(_random.Next(0, 400))),
            2 => (Kind.Broken, Pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/octet-stream"]), valid),
            3 => (Kind.Broken, "application/json; charset=utf-8", Flip(valid)),
            _ => (Kind.Broken, "application/json", Encoding.UTF8.GetBytes(new string('[', _random.Next(50, 3000)))),
        };
    }

    private JsonObject ValidMessage()
    {
        var a = Activities.Message("fuzz-" + _random.Next(50), Pick(Texts), Pick(_serviceUrls), expectReplies: _random.Next(4) != 0);
        if (_random.Next(4) == 0)
        {
            a["text"] = RandomString(_random.Next(0, 300));
        }

        return a;
    }

    private JsonObject ValidOther()
    {
        var a = ValidMessage();
        a["type"] = Pick(Types);
        return a;
    }

    private void Mutate(JsonObject a)
    {
        var field = _random.Next(5) == 0 ? RandomString(6) : Pick(Fields);
        switch (_random.Next(6))
        {
            case 0:
                a.Remove(field);
                break;
            case 1 when a[field] is JsonObject inner:
                inner[Pick(["id", "name", "role", "aadObjectId", "conversationType", "isGroup", "tenantId"])] = RandomValue(1);
                break;
            case 2:
                a["serviceUrl"] = Pick([.. _serviceUrls, "", "not a url", "ftp://127.0.0.1/", "http://", "//127.0.0.1/x", "http://127.0.0.1:notaport/"]);
                break;
            case 3:
                a["channelId"] = Pick(["emulator", "msteams", "webchat", "directline", "", RandomString(5)]);
                if ((string?)a["channelId"] == "msteams" && a["conversation"] is JsonObject c)
                {
                    c["conversationType"] = Pick(["personal", "groupChat", "channel"]);
                }

                break;
            default:
                if (field == "serviceUrl")
                {
                    goto case 2;
                }

                a[field] = RandomValue(0);
                break;
        }
    }

    private JsonNode? RandomValue(int depth)
    {
        switch (_random.Next(depth > 3 ? 5 : 8))
        {
            case 0: return null;
            case 1: return JsonValue.Create(_random.Next(2) == 0);
            case 2: return JsonValue.Create(_random.Next(-1000, 1000) * Math.Pow(10, _random.Next(-3, 12)));
            case 3: return JsonValue.Create(RandomString(_random.Next(0, 40)));
            case 4: return JsonValue.Create(Pick(Texts));
            case 5:
                var array = new JsonArray();
                for (var i = _random.Next(0, 4); i > 0; i--) array.Add(RandomValue(depth + 1));
                return array;
            default:
                var obj = new JsonObject();
                for (var i = _random.Next(0, 5); i > 0; i--) obj[_random.Next(3) == 0 ? Pick(Fields) : RandomString(5)] = RandomValue(depth + 1);
                return obj;
        }
    }

    /// <summary>Random text from a mixed alphabet (never a URL: no scheme is ever formed).</summary>
    private string RandomString(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABC 0123456789 .,;?!*~\"'()[]{}^\\/<>&%$#@|+-=_\t\néßøçДжあ中🤖\u0000\u0001\u200B\u202E";
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append(alphabet[_random.Next(alphabet.Length)]);
        return sb.ToString().Replace("http", "h_tp", StringComparison.OrdinalIgnoreCase);
    }

    private byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        _random.NextBytes(b);
        return b;
    }

    private byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = _random.Next(1, 6); i > 0; i--) copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
        return copy;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static byte[] Bytes(JsonObject a) => Encoding.UTF8.GetBytes(a.ToJsonString());
}

/// <summary>
/// Fuzzing the real host: STORYBOT_FUZZ_COUNT activities (500 by default in CI; 10,000 for the full
/// run, see docs/reliability.md) from the seeded generator, sent 8 at a time. Zero 5xx, zero errors or
/// exceptions in the host's log, and afterwards the host is alive and answers correctly.
/// </summary>
public sealed class ActivityFuzzerTests
{
    private readonly ITestOutputHelper _output;

    public ActivityFuzzerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Random_valid_mutated_and_broken_activities_never_get_a_5xx()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("STORYBOT_FUZZ_COUNT"), out var c) && c > 0 ? c : 500;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("STORYBOT_FUZZ_SEED"), out var s) ? s : 20261125;
        await using var connector = await CapturingConnector.StartAsync();
        using var host = new BotHost(environment: "Development", settings: new Dictionary<string, string?> { ["Connector:TimeoutSeconds"] = "2" });
        using var client = host.CreateClient();
        var fuzzer = new ActivityFuzzer(seed, connector.ServiceUrl, connector.ServiceUrl, connector.ServiceUrl, CapturingConnector.DownServiceUrl());
        var cases = Enumerable.Range(0, count).Select(_ => fuzzer.Next()).ToList(); // generated up front: same seed, same cases

        var statuses = new ConcurrentDictionary<(ActivityFuzzer.Kind, int), int>();
        var failures = new ConcurrentQueue<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            var content = new ByteArrayContent(item.Body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(item.ContentType);
            using var response = await client.PostAsync("/api/messages", content, ct);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate((item.Kind, status), 1, (_, n) => n + 1);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (status >= 500 || body.Contains("   at ", StringComparison.Ordinal))
            {
                failures.Enqueue($"{status} for {item.Kind}: {Encoding.UTF8.GetString(item.Body)[..Math.Min(item.Body.Length, 300)]} -> {body[..Math.Min(body.Length, 300)]}");
            }
            else if (item.Kind == ActivityFuzzer.Kind.ValidMessage && status == 200 && Encoding.UTF8.GetString(item.Body).Contains("expectReplies", StringComparison.Ordinal)
                     && !Activities.Replies(body).Any(r => Activities.ReplyEntity(r) is not null))
            {
                failures.Enqueue($"no graceful reply to a valid message: {Encoding.UTF8.GetString(item.Body)[..Math.Min(item.Body.Length, 300)]} -> {body[..Math.Min(body.Length, 300)]}");
            }
        });
        clock.Stop();

        var fiveXx = statuses.Where(kv => kv.Key.Item2 >= 500).Sum(kv => kv.Value);
        _output.WriteLine($"seed={seed} cases={count} elapsed={clock.Elapsed.TotalSeconds:0.0}s 5xx={fiveXx} errorsLogged={host.Logs.Errors.Count} connectorReplies={connector.Replies.Count}");
        foreach (var group in statuses.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2))
        {
            _output.WriteLine($"  {group.Key.Item1,-12} {group.Key.Item2} x{group.Value}");
        }

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.Equal(0, fiveXx);
        Assert.Equal(count, statuses.Values.Sum());
        Assert.True(host.Logs.Errors.Count == 0, string.Join("\n", host.Logs.Errors.Take(5)));

        // Alive and still answering correctly.
        var (status, reply) = await Activities.PostAsync(client, Activities.Json(Activities.Message("after-fuzz", "Who did Trump fire at the FBI?")));
        Assert.Equal(200, status);
        Assert.Contains("Comey", (string?)Activities.ReplyEntity(Activities.Replies(reply)[0])!["citations"]![0]!["text"]);
        Assert.Equal(200, (int)(await client.GetAsync("/healthz")).StatusCode);
    }
}
