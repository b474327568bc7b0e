using System.Net;
using System.Text.Json.Nodes;
using StoryBot.Bots;
using StoryBot.Storage;
using StoryBot.Tests.DirectLine;
using StoryBot.Tests.Reliability;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Storage;

/// <summary>
/// Two instances behind one address, one Redis: a conversation's turns land on either instance and the bot
/// behaves as if there were one. Follow-ups keep their context across switches, 500 turns over 100
/// conversations come back complete, uncrossed and in order, concurrent turns of one conversation lose no
/// update, a killed instance loses nothing, and a Web Chat conversation works on both.
/// </summary>
public sealed class ScaleOutTests : IClassFixture<TwoInstancesFixture>
{
    private static readonly string[] Transcript = ["who is sally yates?", "when did she testify?", "tell me more", "tell me more", "where does it say that?"];

    private readonly TwoInstancesFixture _bots;
    private readonly ITestOutputHelper _output;

    public ScaleOutTests(TwoInstancesFixture bots, ITestOutputHelper output)
    {
        _bots = bots;
        _output = output;
    }

    [Fact]
    public async Task Alternating_instances_every_follow_up_keeps_its_context()
    {
        var who = await Activities.AskAsync(_bots.ClientA, "alternate", "who is sally yates?");
        var when = await Activities.AskAsync(_bots.ClientB, "alternate", "when did she testify?");
        var more = await Activities.AskAsync(_bots.ClientA, "alternate", "tell me more");

        Assert.Equal("answer", Activities.Intent(who));
        Assert.Contains("Monday", (string?)when["text"]); // "she" is Sally Yates: remembered by A, used by B
        Assert.Equal("more", Activities.Intent(more));
        Assert.Equal(Activities.CitedSentence(when) + 1, Activities.CitedSentence(more)); // the sentence after B's answer
    }

    [Fact]
    public async Task Hundred_conversations_of_five_turns_over_both_instances_lose_cross_and_reorder_nothing()
    {
        // The transcript one instance gives is the reference every spread conversation must match.
        var expected = new List<string>();
        foreach (var text in Transcript)
        {
            expected.Add(Signature(await Activities.AskAsync(_bots.ClientA, "reference", text)));
        }

        var mismatches = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
        {
            var conversation = "spread-" + c;
            for (var turn = 0; turn < Transcript.Length; turn++)
            {
                var reply = await Activities.AskAsync(_bots.Client(c + turn), conversation, Transcript[turn], id: $"{conversation}-{turn}");
                Assert.Equal(conversation, (string?)reply["conversation"]?["id"]); // not crossed
                Assert.Equal($"{conversation}-{turn}", (string?)reply["replyToId"]); // this turn's own reply
                if (Signature(reply) != expected[turn])
                {
                    Interlocked.Increment(ref mismatches); // lost or reordered context shows as a different answer
                    _output.WriteLine($"{conversation} turn {turn}: {Signature(reply)} (expected {expected[turn]})");
                }
            }
        });

        Assert.Equal(0, mismatches);
        var storage = new RedisStorage(_bots.Redis.Connection, _bots.KeyPrefix, TimeSpan.FromMinutes(5));
        var states = await storage.ReadAsync(Enumerable.Range(0, 100).Select(c => $"emulator/conversations/spread-{c}").ToArray());
        Assert.All(states.Values, s => Assert.Equal(Transcript.Length, Data(s).Memory.Turns)); // every turn's update saved
        Assert.Equal(100, states.Count);
    }

    [Fact]
    public async Task Concurrent_turns_of_one_conversation_on_both_instances_lose_no_update()
    {
        var first = await Activities.AskAsync(_bots.ClientA, "concurrent", "who is sally yates?");

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Activities.AskAsync(_bots.Client(i), "concurrent", "tell me more")));

        // Each "tell me more" continued from the one saved before it: ten different, consecutive sentences.
        var cited = replies.Select(r => Activities.CitedSentence(r)!.Value).OrderBy(s => s).ToList();
        Assert.Equal(Enumerable.Range(Activities.CitedSentence(first)!.Value + 1, 10), cited);
        var state = await new RedisStorage(_bots.Redis.Connection, _bots.KeyPrefix, TimeSpan.FromMinutes(5)).ReadAsync(["emulator/conversations/concurrent"]);
        Assert.Equal(11, Data(state.Values.Single()).Memory.Turns);
    }

    [Fact]
    public async Task An_instance_killed_mid_conversation_is_replaced_and_the_conversation_continues()
    {
        await Activities.AskAsync(_bots.ClientA, "killed", "who is sally yates?");

        await _bots.ReplaceAAsync();
        var when = await Activities.AskAsync(_bots.ClientA, "killed", "when did she testify?");

        Assert.Contains("Monday", (string?)when["text"]);
    }

    [Fact]
    public async Task A_web_chat_conversation_started_on_A_is_posted_to_and_polled_on_B()
    {
        var onA = new DirectLineTestClient(_bots.ClientA);
        var onB = new DirectLineTestClient(_bots.ClientB);
        var (token, conversationId, _) = await onA.NewConversationAsync();

        await onB.PostMessageAsync(conversationId, token, "who is sally yates?");
        var (afterFirst, watermark) = await onA.GetActivitiesAsync(conversationId, token);
        await onA.PostMessageAsync(conversationId, token, "when did she testify?");
        var (afterSecond, _) = await onB.GetActivitiesAsync(conversationId, token, watermark);

        var texts = afterFirst.Concat(afterSecond).Select(a => (string?)a!["text"]).ToList();
        Assert.Equal(5, texts.Count); // welcome, question, answer, question, answer: none lost, none twice
        Assert.Equal("who is sally yates?", texts[1]);
        Assert.Equal("when did she testify?", texts[3]);
        Assert.Contains("Monday", texts[4]);
        var ids = afterFirst.Concat(afterSecond).Select(a => (string)a!["id"]!).ToList();
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids); // one stream, in order
        using var refreshed = await onB.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }


    private static string Signature(JsonObject reply) => $"{Activities.Intent(reply)}:{Activities.CitedSentence(reply)}";

    private static ConversationData Data(object bag) => (ConversationData)((IDictionary<string, object>)bag)[nameof(ConversationData)];
}
