using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using StoryBot.DirectLine;
using StoryBot.Tests.DirectLine;
using Xunit;

namespace StoryBot.Tests.Storage;

/// <summary>
/// The built-in Direct Line's store on Redis keeps the memory store's rules (token rotation, capped streams
/// with watermarks that keep counting, a capped number of conversations, idle expiry) and adds what two
/// instances need: one stream whose ids never repeat or skip however many instances append to it.
/// </summary>
public sealed class RedisDirectLineStoreTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;
    private readonly string _prefix = RedisServerFixture.NewPrefix();
    private readonly ManualClock _clock = new();

    public RedisDirectLineStoreTests(RedisServerFixture redis) => _redis = redis;

    [Fact]
    public async Task Tokens_name_one_conversation_and_a_third_token_revokes_the_first()
    {
        var store = NewStore();
        var (a, firstA) = await store.CreateAsync(default);
        var (b, tokenB) = await store.CreateAsync(default);

        Assert.Equal(a.Id, (await store.ValidateTokenAsync(firstA.Value, default))!.ConversationId);
        Assert.Equal(b.Id, (await store.ValidateTokenAsync(tokenB.Value, default))!.ConversationId);
        Assert.Null(await store.ValidateTokenAsync("made-up", default));
        Assert.Null(await store.ValidateTokenAsync(null, default));

        var second = await store.IssueTokenAsync(a, default);
        var third = await store.IssueTokenAsync(a, default);
        Assert.Null(await store.ValidateTokenAsync(firstA.Value, default));
        Assert.NotNull(await store.ValidateTokenAsync(second.Value, default));
        Assert.NotNull(await store.ValidateTokenAsync(third.Value, default));
    }

    [Fact]
    public async Task The_stream_keeps_the_newest_activities_and_watermarks_keep_counting()
    {
        var store = NewStore(o => o.MaxActivitiesPerConversation = 3);
        var (conversation, _) = await store.CreateAsync(default);
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await store.AppendAsync(conversation.Id, new Activity(ActivityTypes.Message) { Text = $"m{i}" }, default));
        }

        var (all, watermark) = await store.ReadAsync(conversation.Id, null, default);
        Assert.Equal(3, all.Count);
        Assert.Equal(5, watermark);
        Assert.Contains("m3", all[0]);
        var (afterFour, _) = await store.ReadAsync(conversation.Id, 4, default);
        Assert.Contains("m5", Assert.Single(afterFour));
        Assert.EndsWith("|0000005", ids[^1]);
    }

    [Fact]
    public async Task Two_instances_appending_at_once_give_one_gapless_stream_with_rising_timestamps()
    {
        var a = NewStore();
        var b = NewStore();
        var (conversation, _) = await a.CreateAsync(default);

        var ids = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            (i % 2 == 0 ? a : b).AppendAsync(conversation.Id, new Activity(ActivityTypes.Message) { Text = $"m{i}" }, default)));

        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"{conversation.Id}|{n:D7}"), ids.Order(StringComparer.Ordinal));
        var (all, watermark) = await b.ReadAsync(conversation.Id, null, default);
        Assert.Equal(60, watermark);
        var stamps = all.Select(json => Newtonsoft.Json.JsonConvert.DeserializeObject<Activity>(json)!.Timestamp!.Value).ToList();
        Assert.Equal(stamps.Order(), stamps);
        Assert.Equal(60, stamps.Distinct().Count());
    }

    [Fact]
    public async Task Only_one_instance_runs_the_welcome_turn()
    {
        var (conversation, _) = await NewStore().CreateAsync(default);

        var started = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewStore().TryStartAsync(conversation.Id, default)));

        Assert.Equal(1, started.Count(s => s));
    }

    [Fact]
    public async Task Past_the_cap_the_least_recently_used_conversation_is_evicted_with_its_tokens()
    {
        var store = NewStore(o => o.MaxConversations = 3);
        var evicted = new List<string>();
        store.Evicted += c => evicted.Add(c.Id);
        var created = new List<(DirectLineConversationRef Conversation, DirectLineToken Token)>();
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            created.Add(await store.CreateAsync(default));
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        await store.TouchAsync(created[0].Conversation.Id, default); // used again: now the oldest is [1]
        _clock.Advance(TimeSpan.FromSeconds(1));
        await store.CreateAsync(default);

        Assert.Equal([created[1].Conversation.Id], evicted);
        Assert.Null(await store.TouchAsync(created[1].Conversation.Id, default));
        Assert.Null(await store.ValidateTokenAsync(created[1].Token.Value, default));
        Assert.NotNull(await store.TouchAsync(created[0].Conversation.Id, default));
    }

    [Fact]
    public async Task A_conversation_expires_after_the_idle_timeout()
    {
        var store = NewStore(o => o.IdleTimeout = TimeSpan.FromMinutes(30));
        var (conversation, _) = await store.CreateAsync(default);

        var ttl = await _redis.Connection.GetDatabase().KeyTimeToLiveAsync(_prefix + "dl:c:" + conversation.Id);

        Assert.InRange(ttl!.Value.TotalMinutes, 29, 30);
    }

    private RedisDirectLineStore NewStore(Action<DirectLineOptions>? configure = null)
    {
        var options = new DirectLineOptions();
        configure?.Invoke(options);
        return new RedisDirectLineStore(_redis.Connection, _prefix, new FixedOptions(options), _clock, NullLogger<RedisDirectLineStore>.Instance);
    }
}
