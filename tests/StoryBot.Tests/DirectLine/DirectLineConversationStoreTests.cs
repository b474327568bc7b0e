using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StoryBot.DirectLine;
using Xunit;

namespace StoryBot.Tests.DirectLine;

/// <summary>Bounded memory and token rules of the conversation store.</summary>
public sealed class DirectLineConversationStoreTests
{
    private readonly ManualClock _clock = new();

    private DirectLineConversationStore NewStore(Action<DirectLineOptions>? configure = null)
    {
        var options = new DirectLineOptions();
        configure?.Invoke(options);
        return new DirectLineConversationStore(new FixedOptions(options), _clock, NullLogger<DirectLineConversationStore>.Instance);
    }

    [Fact]
    public void Tokens_AreOpaque_Unique_AndBoundToOneConversation()
    {
        var store = NewStore();
        var (a, tokenA) = store.Create();
        var (b, tokenB) = store.Create();

        Assert.NotEqual(tokenA.Value, tokenB.Value);
        Assert.True(tokenA.Value.Length >= 43, "32 random bytes, base64url");
        Assert.DoesNotContain('.', tokenA.Value); // not a JWT: nothing to decode
        Assert.Equal(a.Id, store.ValidateToken(tokenA.Value)!.ConversationId);
        Assert.Equal(b.Id, store.ValidateToken(tokenB.Value)!.ConversationId);
        Assert.StartsWith("dl_", a.UserId);
        Assert.Null(store.ValidateToken("made-up"));
        Assert.Null(store.ValidateToken(null));
    }

    [Fact]
    public void Tokens_Expire()
    {
        var store = NewStore(o => o.TokenLifetime = TimeSpan.FromMinutes(10));
        var (_, token) = store.Create();

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(store.ValidateToken(token.Value));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(store.ValidateToken(token.Value));
    }

    [Fact]
    public void Refresh_KeepsThePreviousToken_AndRevokesOlderOnes()
    {
        var store = NewStore();
        var (conversation, first) = store.Create();
        var second = store.IssueToken(conversation);
        Assert.NotNull(store.ValidateToken(first.Value));
        var third = store.IssueToken(conversation);

        Assert.Null(store.ValidateToken(first.Value));
        Assert.NotNull(store.ValidateToken(second.Value));
        Assert.NotNull(store.ValidateToken(third.Value));
    }

    [Fact]
    public void Sweep_EvictsIdleConversations_WithTheirTokens()
    {
        var store = NewStore(o => o.IdleTimeout = TimeSpan.FromMinutes(30));
        var evicted = new List<string>();
        store.Evicted += c => evicted.Add(c.Id);
        var (idle, idleToken) = store.Create();
        var (busy, busyToken) = store.Create();

        _clock.Advance(TimeSpan.FromMinutes(20));
        busy.Touch(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(1, store.Sweep());
        Assert.Equal(new[] { idle.Id }, evicted);
        Assert.Null(store.Find(idle.Id));
        Assert.Null(store.ValidateToken(idleToken.Value));
        Assert.NotNull(store.Find(busy.Id));
        Assert.NotNull(store.ValidateToken(busyToken.Value));
    }

    [Fact]
    public void ConversationCap_EvictsTheLeastRecentlyUsed()
    {
        var store = NewStore(o => o.MaxConversations = 3);
        var created = Enumerable.Range(0, 3).Select(_ => { _clock.Advance(TimeSpan.FromSeconds(1)); return store.Create().Conversation; }).ToList();
        _clock.Advance(TimeSpan.FromSeconds(1));
        created[0].Touch(_clock.GetUtcNow()); // the oldest is in use again; the second is now the least recent

        var (newest, _) = store.Create();

        Assert.Equal(3, store.Count);
        Assert.NotNull(store.Find(created[0].Id));
        Assert.Null(store.Find(created[1].Id));
        Assert.NotNull(store.Find(created[2].Id));
        Assert.NotNull(store.Find(newest.Id));
    }

    [Fact]
    public void ActivityCap_DropsTheOldest_WatermarksKeepCounting()
    {
        var store = NewStore(o => o.MaxActivitiesPerConversation = 3);
        var (conversation, _) = store.Create();
        var ids = Enumerable.Range(1, 5).Select(i => conversation.Append(new Activity(ActivityTypes.Message) { Text = $"m{i}" }, _clock.GetUtcNow())).ToList();

        var (all, watermark) = conversation.Read(null);
        Assert.Equal(3, all.Count);
        Assert.Equal(5, watermark);
        Assert.Contains("m3", all[0]);
        var (afterFour, _) = conversation.Read(4);
        Assert.Single(afterFour);
        Assert.Contains("m5", afterFour[0]);
        Assert.EndsWith("|0000005", ids[^1]);
    }

    [Fact]
    public void Timestamps_StrictlyIncrease_EvenWithinOneClockTick()
    {
        var store = NewStore();
        var (conversation, _) = store.Create();
        var activities = Enumerable.Range(0, 3).Select(_ => new Activity(ActivityTypes.Message)).ToList();
        foreach (var activity in activities)
        {
            conversation.Append(activity, _clock.GetUtcNow());
        }

        Assert.True(activities[0].Timestamp < activities[1].Timestamp && activities[1].Timestamp < activities[2].Timestamp);
    }
}
