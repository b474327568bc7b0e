using Microsoft.Bot.Builder;
using StackExchange.Redis;
using StoryBot.Bots;
using StoryBot.Storage;
using Xunit;

namespace StoryBot.Tests.Storage;

/// <summary>
/// The storage contract on a real Redis (<c>Storage:Kind=redis</c>), plus what only the shared store does:
/// a conversation's state saved by another instance since this one read it is a conflict, keys carry the
/// prefix, idle state expires by Redis TTL, and stored JSON cannot name arbitrary types.
/// </summary>
public sealed class RedisStorageTests : StorageContractTests, IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;
    private readonly string _prefix = RedisServerFixture.NewPrefix();

    public RedisStorageTests(RedisServerFixture redis) => _redis = redis;

    protected override IStorage CreateStorage() => new RedisStorage(_redis.Connection, _prefix, TimeSpan.FromMinutes(60));

    [Fact]
    public async Task Two_instances_that_read_the_same_conversation_cannot_both_save_it()
    {
        var a = CreateStorage();
        var b = CreateStorage();
        await a.WriteAsync(new Dictionary<string, object> { ["directline/conversations/c"] = Bag(turns: 1) });
        var seenByA = await a.ReadAsync(["directline/conversations/c"]);
        var seenByB = await b.ReadAsync(["directline/conversations/c"]);

        ((ConversationData)((IDictionary<string, object>)seenByA["directline/conversations/c"])[nameof(ConversationData)]).Memory.Turns = 2;
        await a.WriteAsync(seenByA);
        ((ConversationData)((IDictionary<string, object>)seenByB["directline/conversations/c"])[nameof(ConversationData)]).Memory.Turns = 3;
        var conflict = await Assert.ThrowsAsync<ETagConflictException>(() => b.WriteAsync(seenByB));

        Assert.Equal("directline/conversations/c", conflict.Key);
        var stored = (IDictionary<string, object>)(await a.ReadAsync(["directline/conversations/c"]))["directline/conversations/c"];
        Assert.Equal(2, ((ConversationData)stored[nameof(ConversationData)]).Memory.Turns);

        // After a successful save the bag holds the new ETag, so the same turn can save again.
        ((ConversationData)((IDictionary<string, object>)seenByA["directline/conversations/c"])[nameof(ConversationData)]).Memory.Turns = 4;
        await a.WriteAsync(seenByA);
    }

    [Fact]
    public async Task A_store_item_with_an_empty_ETag_may_create_but_not_overwrite()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Count = 1, ETag = string.Empty } });

        await Assert.ThrowsAsync<ETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["item"] = new PocoStoreItem { Count = 2, ETag = string.Empty } }));
    }

    [Fact]
    public async Task State_lives_under_the_key_prefix_and_expires_after_the_idle_time()
    {
        var storage = new RedisStorage(_redis.Connection, _prefix, TimeSpan.FromSeconds(30));
        await storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/ttl"] = Bag(turns: 1) });

        var ttl = await _redis.Connection.GetDatabase().KeyTimeToLiveAsync(_prefix + "state:emulator/conversations/ttl");

        Assert.InRange(ttl!.Value.TotalSeconds, 20, 30);
    }

    [Fact]
    public async Task A_stored_value_naming_a_type_outside_the_bots_state_is_refused()
    {
        await _redis.Connection.GetDatabase().StringSetAsync(_prefix + "state:evil", "e1\n{\"$type\":\"System.IO.FileInfo, System.Private.CoreLib\",\"fileName\":\"/etc/passwd\"}");

        await Assert.ThrowsAsync<Newtonsoft.Json.JsonSerializationException>(() => CreateStorage().ReadAsync(["evil"]));
    }

    private static Dictionary<string, object> Bag(int turns) =>
        new() { [nameof(ConversationData)] = new ConversationData { Memory = { Turns = turns } } };
}
