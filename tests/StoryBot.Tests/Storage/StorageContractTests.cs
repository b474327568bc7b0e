using Microsoft.Bot.Builder;
using StoryBot.Bots;
using Xunit;

namespace StoryBot.Tests.Storage;

/// <summary>
/// The <see cref="IStorage"/> contract, in the shape of botbuilder-dotnet's own storage tests
/// (StorageBaseTests: create, read unknown, update with and without ETag, conflicting update, delete,
/// batch, crazy keys), run against every store the bot can be configured with: a derived class supplies one.
/// </summary>
public abstract class StorageContractTests
{
    /// <summary>A fresh, empty store.</summary>
    protected abstract IStorage CreateStorage();

    [Fact]
    public async Task A_written_item_reads_back_with_its_values_and_a_store_item_gets_an_ETag()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["pocoItem"] = new PocoItem { Id = "1", Count = 1 },
            ["pocoStoreItem"] = new PocoStoreItem { Id = "2", Count = 2 },
        });

        var read = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);

        Assert.Equal(1, Assert.IsType<PocoItem>(read["pocoItem"]).Count);
        var storeItem = Assert.IsType<PocoStoreItem>(read["pocoStoreItem"]);
        Assert.Equal(("2", 2), (storeItem.Id, storeItem.Count));
        Assert.False(string.IsNullOrEmpty(storeItem.ETag));
    }

    [Fact]
    public async Task Reading_a_key_nobody_wrote_returns_nothing_for_it()
    {
        var read = await CreateStorage().ReadAsync(["unknown"]);

        Assert.Empty(read);
    }

    [Fact]
    public async Task An_update_with_the_current_ETag_succeeds_and_a_stale_ETag_is_a_conflict()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoItem"] = new PocoItem { Count = 1 }, ["pocoStoreItem"] = new PocoStoreItem { Count = 1 } });
        var loaded = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        var poco = (PocoItem)loaded["pocoItem"];
        var storeItem = (PocoStoreItem)loaded["pocoStoreItem"];
        var staleETag = storeItem.ETag;

        poco.Count++;
        storeItem.Count++;
        await storage.WriteAsync(loaded);
        var reloaded = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        Assert.Equal(2, ((PocoItem)reloaded["pocoItem"]).Count);
        var reloadedStoreItem = (PocoStoreItem)reloaded["pocoStoreItem"];
        Assert.Equal(2, reloadedStoreItem.Count);
        Assert.NotEqual(staleETag, reloadedStoreItem.ETag);

        // A plain object has no ETag: an old copy still writes.
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoItem"] = new PocoItem { Count = 123 } });

        // A store item with the ETag from before the update is a conflict, and the stored value is kept.
        storeItem.Count = 123;
        storeItem.ETag = staleETag;
        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = storeItem }));
        Assert.Equal(2, ((PocoStoreItem)(await storage.ReadAsync(["pocoStoreItem"]))["pocoStoreItem"]).Count);

        // "*" writes whatever is stored.
        reloadedStoreItem.Count = 100;
        reloadedStoreItem.ETag = "*";
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = reloadedStoreItem });
        Assert.Equal(100, ((PocoStoreItem)(await storage.ReadAsync(["pocoStoreItem"]))["pocoStoreItem"]).Count);
    }

    [Fact]
    public async Task A_deleted_item_is_gone_and_deleting_an_unknown_key_is_fine()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["delete1"] = new PocoStoreItem { Id = "1", Count = 1 } });

        await storage.DeleteAsync(["delete1"]);
        await storage.DeleteAsync(["unknown_key"]);

        Assert.Empty(await storage.ReadAsync(["delete1"]));
    }

    [Fact]
    public async Task Several_items_are_written_and_read_in_one_call_and_missing_ones_are_left_out()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["batch1"] = new PocoItem { Id = "1", Count = 10 },
            ["batch2"] = new PocoItem { Id = "2", Count = 20 },
            ["batch3"] = new PocoItem { Id = "3", Count = 30 },
        });

        var read = await storage.ReadAsync(["batch1", "batch2", "batch3", "missing"]);

        Assert.Equal(["batch1", "batch2", "batch3"], read.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(60, read.Values.Cast<PocoItem>().Sum(p => p.Count));
    }

    [Fact]
    public async Task Keys_with_any_characters_round_trip()
    {
        var storage = CreateStorage();
        const string key = "!@#$%^&*()_+??><\":QWERTYUIOP{}|asdfghjkl;'zxcvbnm,./`~\u2026 漢字\n\t/conversations/a|b";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoItem { Id = "crazy", Count = 7 } });

        var read = await storage.ReadAsync([key]);

        Assert.Equal(7, Assert.IsType<PocoItem>(read[key]).Count);
    }

    [Fact]
    public async Task A_conversations_state_bag_comes_back_with_the_bots_own_types()
    {
        var storage = CreateStorage();
        var data = new ConversationData { Welcomed = true };
        data.Memory.LastSentence = 12;
        data.Memory.LastEntities = ["Sally Yates"];
        await storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c1"] = new Dictionary<string, object> { [nameof(ConversationData)] = data } });

        var bag = Assert.IsAssignableFrom<IDictionary<string, object>>((await storage.ReadAsync(["emulator/conversations/c1"]))["emulator/conversations/c1"]);

        var back = Assert.IsType<ConversationData>(bag[nameof(ConversationData)]);
        Assert.True(back.Welcomed);
        Assert.Equal(12, back.Memory.LastSentence);
        Assert.Equal(["Sally Yates"], back.Memory.LastEntities);
    }

    /// <summary>A plain value: no ETag, so every write is unconditional.</summary>
    public sealed class PocoItem
    {
        public string? Id { get; set; }

        public int Count { get; set; }
    }

    /// <summary>A value with an ETag: writes are compare-and-set.</summary>
    public sealed class PocoStoreItem : IStoreItem
    {
        public string? Id { get; set; }

        public int Count { get; set; }

        public string ETag { get; set; } = null!;
    }
}
