using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using StoryBot.Bots;
using StoryBot.Feedback;
using StoryBot.Hosting;
using Xunit;

namespace StoryBot.Tests.Hosting;

/// <summary>
/// <see cref="SnapshotConversationState"/> against the SDK's <see cref="ConversationState"/>: the same turns, run on
/// each over a storage that records every read and write, must read and write exactly the same things.
/// </summary>
public class SnapshotConversationStateTests
{
    private static readonly TestAdapter Adapter = new();

    [Fact]
    public async Task Reads_and_writes_exactly_what_the_SDKs_ConversationState_does()
    {
        var sdk = await RunAsync(storage => new ConversationState(storage));
        var snapshot = await RunAsync(storage => new SnapshotConversationState(storage));

        Assert.Equal(sdk, snapshot);
        // Turns 1, 4 (twice), 5, 6, 8, 10, 11 and 12 write; 2, 3, 7 and 9 do not: the comparison covers both.
        Assert.Equal(9, sdk.Count(line => line.StartsWith("write", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_save_without_a_change_writes_nothing_and_a_change_reverted_is_no_change()
    {
        var storage = new RecordingStorage();
        var state = new SnapshotConversationState(storage);
        var data = state.CreateProperty<ConversationData>(nameof(ConversationData));
        var first = Context();
        (await data.GetAsync(first, () => new ConversationData())).Memory.Turns = 1;
        await state.SaveChangesAsync(first);
        var writes = storage.Log.Count(l => l.StartsWith("write", StringComparison.Ordinal));

        var second = Context();
        var loaded = await data.GetAsync(second, () => new ConversationData());
        loaded.Memory.Turns = 2;
        loaded.Memory.Turns = 1;
        await state.SaveChangesAsync(second);

        Assert.Equal(1, writes);
        Assert.Equal(writes, storage.Log.Count(l => l.StartsWith("write", StringComparison.Ordinal)));
    }

    /// <summary>Turns that write, skip writes, write twice, clear, reload, delete and are marked changed; returns the storage's log and what each turn saw.</summary>
    private static async Task<List<string>> RunAsync(Func<IStorage, ConversationState> create)
    {
        var storage = new RecordingStorage();
        var state = create(storage);
        var data = state.CreateProperty<ConversationData>(nameof(ConversationData));
        var log = storage.Log;
        async Task TurnAsync(int n, Func<ITurnContext, ConversationData, Task<bool>> body)
        {
            var context = Context();
            if (n >= 11)
            {
                SnapshotConversationState.MarkChanged(context); // as the bot marks a message turn before reading the state
            }

            var current = await data.GetAsync(context, () => new ConversationData());
            var force = await body(context, current);
            await state.SaveChangesAsync(context, force || SnapshotConversationState.IsMarkedChanged(context));
            log.Add($"turn {n}: saved");
        }

        await TurnAsync(1, (_, _) => Task.FromResult(false)); // the default is new: written
        await TurnAsync(2, (_, _) => Task.FromResult(false)); // unchanged: not written
        await TurnAsync(3, (_, d) => { d.Memory.Turns++; d.Memory.Turns--; return Task.FromResult(false); }); // changed back
        await TurnAsync(4, async (c, d) =>
        {
            d.Welcomed = true;
            await state.SaveChangesAsync(c); // written (its ETag changes)
            await state.SaveChangesAsync(c); // unchanged since: not written
            d.Memory.LastTerms.Add("comey");
            return false; // changed again: written by the turn's save
        });
        await TurnAsync(5, (_, _) => Task.FromResult(true)); // forced: written though unchanged
        await TurnAsync(6, (_, d) =>
        {
            d.Answers.Add(new SentAnswer { Id = "a1", Question = "who?", Citations = new List<FeedbackCitation> { new() { Story = "s", Paragraph = 2, Sentence = 3 } } });
            return Task.FromResult(false);
        });
        await TurnAsync(7, async (c, d) =>
        {
            d.Memory.Turns = 99;
            await state.LoadAsync(c, force: true); // reloaded: the change is dropped
            var reloaded = await data.GetAsync(c, () => new ConversationData());
            log.Add($"reloaded turns={reloaded.Memory.Turns}");
            return false;
        });
        await TurnAsync(8, async (c, _) =>
        {
            await state.ClearStateAsync(c); // an empty state: written
            return false;
        });
        await TurnAsync(9, async (c, _) =>
        {
            await state.DeleteAsync(c); // gone: nothing to save
            return false;
        });
        await TurnAsync(10, (_, _) => Task.FromResult(false)); // starts afresh: written
        await TurnAsync(11, (_, d) => { d.Memory.Turns++; return Task.FromResult(false); }); // marked: written
        await TurnAsync(12, (_, _) => Task.FromResult(false)); // marked, though nothing changed: written, as forced
        return log;
    }

    private static TurnContext Context() => new(Adapter, new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount(id: "c1"),
        From = new ChannelAccount("u"),
        Recipient = new ChannelAccount("b"),
    });

    /// <summary>Memory storage that logs every read and write as JSON and, like Redis's, puts a new ETag in a written bag.</summary>
    private sealed class RecordingStorage : IStorage
    {
        private readonly InMemoryStateStorage _inner = new();
        private int _etag;

        public List<string> Log { get; } = new();

        public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            var items = await _inner.ReadAsync(keys, cancellationToken);
            Log.Add("read " + string.Join(",", keys) + " " + JsonConvert.SerializeObject(items));
            return items;
        }

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Log.Add("write " + JsonConvert.SerializeObject(changes));
            await _inner.WriteAsync(changes, cancellationToken);
            foreach (var value in changes.Values)
            {
                if (value is IDictionary<string, object> bag)
                {
                    bag["eTag"] = "e" + ++_etag;
                }
            }
        }

        public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Log.Add("delete " + string.Join(",", keys));
            await _inner.DeleteAsync(keys, cancellationToken);
        }
    }
}
