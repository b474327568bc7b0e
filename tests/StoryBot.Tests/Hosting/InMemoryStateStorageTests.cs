using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using StoryBot.Bots;
using StoryBot.Feedback;
using StoryBot.Hosting;
using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Tests.Hosting;

public class InMemoryStateStorageTests
{
    [Fact]
    public void ConversationData_DeepClone_copies_every_property_and_shares_no_list()
    {
        var original = new ConversationData { Memory = new ConversationMemory() };
        Populate(original);
        Populate(original.Memory);
        var citation = new FeedbackCitation();
        Populate(citation);
        var answer = new SentAnswer { Citations = new List<FeedbackCitation> { citation } };
        Populate(answer);
        original.Answers.Add(answer);

        var copy = (ConversationData)original.DeepClone();

        Assert.Equal(JsonConvert.SerializeObject(original), JsonConvert.SerializeObject(copy));
        Assert.NotSame(original.Answers, copy.Answers); // the kept answers themselves are shared: immutable (below)
        Assert.NotSame(original.Memory, copy.Memory);
        Assert.NotSame(original.Memory.LastTerms, copy.Memory.LastTerms);
        Assert.NotSame(original.Memory.LastEntities, copy.Memory.LastEntities);
    }

    [Fact]
    public async Task Reads_and_writes_hand_out_copies_like_MemoryStorage()
    {
        var storage = new InMemoryStateStorage();
        var data = new ConversationData { Welcomed = true };
        data.Memory.LastTerms.Add("comey");
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["ConversationData"] = data } });

        data.Memory.LastTerms.Add("changed after the write");
        var read = (IDictionary<string, object>)(await storage.ReadAsync(new[] { "k", "missing" }))["k"];
        var stored = (ConversationData)read["ConversationData"];
        Assert.Equal(new[] { "comey" }, stored.Memory.LastTerms);

        stored.Memory.LastTerms.Add("changed after the read");
        var again = (ConversationData)((IDictionary<string, object>)(await storage.ReadAsync(new[] { "k" }))["k"])["ConversationData"];
        Assert.Equal(new[] { "comey" }, again.Memory.LastTerms);

        await storage.DeleteAsync(new[] { "k" });
        Assert.Empty(await storage.ReadAsync(new[] { "k" }));
    }

    [Fact]
    public async Task Other_values_round_trip_through_json_and_etags_are_checked()
    {
        var storage = new InMemoryStateStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Item { Value = "a", ETag = "*" } });
        var item = (Item)(await storage.ReadAsync(new[] { "item" }))["item"];
        Assert.Equal("a", item.Value);

        item.Value = "b";
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = item });
        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(new Dictionary<string, object> { ["item"] = item }));
    }

    [Fact]
    public async Task ConversationState_round_trips_through_the_storage()
    {
        var state = new ConversationState(new InMemoryStateStorage());
        var accessor = state.CreateProperty<ConversationData>(nameof(ConversationData));
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        async Task Turn(Func<ConversationData, Task> body)
        {
            var context = new TurnContext(adapter, new Microsoft.Bot.Schema.Activity
            {
                Type = "message", ChannelId = "test", Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "c1"),
                From = new Microsoft.Bot.Schema.ChannelAccount("u"), Recipient = new Microsoft.Bot.Schema.ChannelAccount("b"),
            });
            await body(await accessor.GetAsync(context, () => new ConversationData()));
            await state.SaveChangesAsync(context);
        }

        await Turn(d => { d.Memory.Turns = 3; d.Memory.LastEntities.Add("lavrov"); return Task.CompletedTask; });
        await Turn(d => { Assert.Equal(3, d.Memory.Turns); Assert.Equal(new[] { "lavrov" }, d.Memory.LastEntities); return Task.CompletedTask; });
    }

    [Theory]
    [InlineData(typeof(SentAnswer))]
    [InlineData(typeof(FeedbackCitation))]
    public void Kept_answers_are_immutable_so_copies_of_the_state_share_them(Type type)
    {
        foreach (var property in type.GetProperties())
        {
            var setter = property.SetMethod;
            Assert.True(setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)),
                $"{type.Name}.{property.Name} can be set after construction: DeepClone shares these objects");
            Assert.False(property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>),
                $"{type.Name}.{property.Name} is a mutable list: DeepClone shares these objects");
        }
    }

    private sealed class Item : IStoreItem
    {
        public string? Value { get; set; }

        public string? ETag { get; set; }
    }

    // Gives every public settable property a non-default value, so a property DeepClone forgets shows in the JSON.
    private static void Populate(object target)
    {
        var n = 1;
        foreach (var p in target.GetType().GetProperties().Where(p => p.CanWrite))
        {
            n++;
            object? value = p.PropertyType switch
            {
                var t when t == typeof(string) => "s" + n,
                var t when t == typeof(int) => n,
                var t when t == typeof(long) => (long)n,
                var t when t == typeof(bool) => true,
                var t when t == typeof(double) => n + 0.5,
                var t when t == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch.AddDays(n),
                var t when t == typeof(List<string>) => new List<string> { "x" + n, "y" + n },
                var t when t == typeof(ConversationMemory) => p.GetValue(target), // populated by its own call
                var t when t == typeof(List<SentAnswer>) || t == typeof(IReadOnlyList<FeedbackCitation>) => p.GetValue(target), // filled by the test
                _ => throw new InvalidOperationException($"Populate does not know how to fill {p.PropertyType.Name} {p.Name}: teach it, and DeepClone."),
            };
            p.SetValue(target, value);
        }
    }
}
