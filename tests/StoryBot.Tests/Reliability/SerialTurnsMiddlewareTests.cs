using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StoryBot.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// Concurrency through the serviceUrl path: replies are POSTed by the bot to a capturing connector on a
/// loopback port. Many conversations at once each get exactly their own answers, in order; several turns
/// sent at once into one conversation are handled one after another (none lost, none duplicated).
/// </summary>
public sealed class SerialTurnsMiddlewareTests
{
    internal static readonly string[] BaseQuestions =
    [
        "Who did Trump fire at the FBI?", "Who is Sergey Lavrov meeting?", "What was the most urgent foreign policy topic?",
        "Who warned the White House about Flynn?", "When did Sally Yates testify?", "What did Trump call the investigations?",
        "How many cruise missiles did Trump fire?", "Who is the Russian ambassador?", "Who did Lavrov meet earlier in the day?",
        "What do US intelligence agencies accuse Moscow of?", "Who was the national security adviser?", "Who was the Democratic candidate?",
        "Why was Flynn fired?", "Who is the Syrian president?", "What did Trump describe as an all-time low?",
        "Is Trump aware of any Russian interference?", "Where did the chemical attack happen?", "Who is Rex Tillerson?",
        "How long has the civil war in Syria lasted?", "What is impossible for Trump to shake?",
    ];

    private static readonly string[] Prefixes = ["", "Please tell me: ", "Quick question: ", "I wonder, ", "Can you say ", "Hi! ", "So, ", "Hey bot, ", "One more: ", "Tell me, "];

    private readonly ITestOutputHelper _output;

    public SerialTurnsMiddlewareTests(ITestOutputHelper output) => _output = output;

    /// <summary>200 distinct questions (20 story questions × 10 phrasings).</summary>
    internal static IReadOnlyList<string> Questions(int count) =>
        Enumerable.Range(0, count).Select(i => Prefixes[i / BaseQuestions.Length % Prefixes.Length] + BaseQuestions[i % BaseQuestions.Length]).ToList();

    [Fact]
    public async Task Two_hundred_conversations_in_parallel_each_get_exactly_their_own_answers_in_order()
    {
        const int conversations = 200;
        const string followUp = "tell me more";
        using var host = new BotHost();
        using var client = host.CreateClient();
        await using var connector = await CapturingConnector.StartAsync();
        var questions = Questions(conversations);

        // Baseline: the same two turns, one conversation at a time, replies in the HTTP body.
        var expected = new (string Answer, string More)[conversations];
        for (var i = 0; i < conversations; i++)
        {
            var id = "baseline-" + i;
            expected[i] = (await AskAsync(client, id, questions[i]), await AskAsync(client, id, followUp));
        }

        // All at once through the serviceUrl path: question, then the follow-up, per conversation.
        var sent = new ConcurrentDictionary<string, string[]>();
        var statuses = new ConcurrentBag<int>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(0, conversations).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var id = "par-" + i;
            var ids = new[] { $"{id}-q", $"{id}-more" };
            sent[id] = ids;
            var (s1, _) = await Activities.PostAsync(client, Activities.Json(Activities.Message(id, questions[i], connector.ServiceUrl, expectReplies: false, id: ids[0])));
            var (s2, _) = await Activities.PostAsync(client, Activities.Json(Activities.Message(id, followUp, connector.ServiceUrl, expectReplies: false, id: ids[1])));
            statuses.Add(s1);
            statuses.Add(s2);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(await connector.WaitForAsync(r => r.Count >= conversations * 2, TimeSpan.FromSeconds(10)));

        Assert.All(statuses, s => Assert.InRange(s, 200, 299));
        var lost = 0;
        var crossed = 0;
        for (var i = 0; i < conversations; i++)
        {
            var id = "par-" + i;
            var replies = connector.For(id);
            var answers = replies.Where(r => Activities.ReplyEntity(r.Activity) is not null).ToList();
            lost += Math.Max(0, 2 - answers.Count);
            crossed += replies.Count(r => (string?)r.Activity["conversation"]?["id"] != id || !sent[id].Contains(r.ReplyToId));
            Assert.Equal(2, answers.Count);
            Assert.Equal(sent[id][0], answers[0].ReplyToId); // in order: the answer first, then the follow-up
            Assert.Equal(sent[id][1], answers[1].ReplyToId);
            Assert.Equal(expected[i].Answer, Fingerprint(answers[0].Activity));
            Assert.Equal(expected[i].More, Fingerprint(answers[1].Activity));
        }

        _output.WriteLine($"conversations={conversations} turns={conversations * 2} replies={connector.Replies.Count} lost={lost} crossed={crossed}");
        Assert.Equal(0, lost);
        Assert.Equal(0, crossed);
        Assert.Empty(host.Logs.Errors);
        Assert.Equal(0, host.Services.GetRequiredService<ConversationTurnGate>().ActiveConversations);
    }

    [Fact]
    public async Task Turns_sent_at_once_into_one_conversation_run_one_after_another()
    {
        const int burst = 6;
        using var host = new BotHost();
        using var client = host.CreateClient();
        await using var connector = await CapturingConnector.StartAsync();

        for (var round = 0; round < 3; round++)
        {
            var id = "burst-" + round;
            var first = await PostAsync(client, Activities.Message(id, "What is this story about?", connector.ServiceUrl, expectReplies: false, id: id + "-q"));
            Assert.Equal(200, first);
            Assert.True(await connector.WaitForAsync(r => r.Any(x => x.ConversationId == id), TimeSpan.FromSeconds(10)));
            var start = Activities.CitedSentence(connector.For(id).Single().Activity)!.Value;

            // "tell me more" moves one sentence on from the conversation's last citation: if two of these
            // turns overlapped, both would read the same state and quote the same sentence.
            var tasks = Enumerable.Range(0, burst).Select(n => PostAsync(client, Activities.Message(id, "tell me more", connector.ServiceUrl, expectReplies: false, id: $"{id}-more-{n}"))).ToList();
            var statuses = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.All(statuses, s => Assert.Equal(200, s));

            var more = connector.For(id).Skip(1).ToList();
            Assert.Equal(burst, more.Count);
            var cited = more.Select(r => Activities.CitedSentence(r.Activity)).ToList();
            _output.WriteLine($"round {round}: start {start}, cited in arrival order at the connector: {string.Join(",", cited)}");
            Assert.Equal(Enumerable.Range(start + 1, burst).Select(n => (int?)n), cited); // each exactly once, in order
        }

        Assert.Equal(0, host.Services.GetRequiredService<ConversationTurnGate>().ActiveConversations);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task Expect_replies_bursts_into_one_conversation_are_serialised_too()
    {
        const int burst = 5;
        using var host = new BotHost();
        using var client = host.CreateClient();
        var id = "burst-er";
        var start = Activities.CitedSentence(Activities.Replies((await Activities.PostAsync(client, Activities.Json(Activities.Message(id, "What is this story about?")))).Body)[0])!.Value;
        var bodies = await Task.WhenAll(Enumerable.Range(0, burst).Select(_ => Activities.PostAsync(client, Activities.Json(Activities.Message(id, "tell me more")))));
        var cited = bodies.Select(b => Activities.CitedSentence(Activities.Replies(b.Body).Single())!.Value).OrderBy(n => n).ToList();
        Assert.Equal(Enumerable.Range(start + 1, burst), cited);
    }

    private static async Task<int> PostAsync(HttpClient client, JsonObject activity) => (await Activities.PostAsync(client, Activities.Json(activity))).Status;

    private static async Task<string> AskAsync(HttpClient client, string conversationId, string text)
    {
        var (status, body) = await Activities.PostAsync(client, Activities.Json(Activities.Message(conversationId, text)));
        Assert.Equal(200, status);
        return Fingerprint(Activities.Replies(body).Single(r => Activities.ReplyEntity(r) is not null));
    }

    /// <summary>What makes an answer this answer: its text and its entity's intent and citations.</summary>
    private static string Fingerprint(JsonObject reply)
    {
        var entity = Activities.ReplyEntity(reply)!;
        return $"{(string?)entity["intent"]}|{entity["citations"]?.ToJsonString()}|{(string?)reply["text"]}";
    }
}
