using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StoryBot.Hosting;

/// <summary>
/// The SDK's <see cref="ConversationState"/>, whose change check costs a copy instead of two JSON serialisations.
/// <see cref="BotState"/> serialises the whole state to JSON when it loads it and again after every write (its change
/// hash), even when the save is forced: ~44 % of what a StoryBot turn allocated (docs/performance.md). Here the load
/// and the write keep a copy of the state instead (<see cref="InMemoryStateStorage.Copy"/>: the state copies itself),
/// and only a save that is not forced serialises — that copy and the current state, the SDK's own comparison, so a
/// state is "changed" exactly when the SDK would say so. Same storage, keys and reads; a forced save writes as before.
/// A turn that changes the state for certain says so first (<see cref="MarkChanged"/>): then nothing is copied, and every
/// save of the turn writes.
/// </summary>
public sealed class SnapshotConversationState : ConversationState
{
    /// <summary>Where <see cref="BotState"/> keeps a turn's <see cref="BotState.CachedBotState"/>: ConversationState's name (the SDK passes <c>nameof(ConversationState)</c>).</summary>
    internal const string CachedStateKey = nameof(ConversationState);

    // Short turn-state keys: the SDK's turn state compares keys by culture (ICU), whose hash costs in proportion to the
    // key's length, and these are looked up several times a turn (~0.65 µs each at 33 characters, ~0.13 µs at 2).
    private const string SnapshotKey = "sb:snap";

    private const string ChangedKey = "sb:chg";

    /// <summary>The SDK's change hash: <c>JsonConvert.SerializeObject</c> with these settings (BotState.CachedBotState.ComputeHash).</summary>
    private static readonly JsonSerializerSettings HashSettings = new() { MaxDepth = null };

    private readonly IStorage _storage;

    public SnapshotConversationState(IStorage storage)
        : base(storage)
    {
        _storage = storage;
    }

    /// <summary>
    /// Says that this turn changes the conversation's state for certain (a message the knowledge core answers counts the
    /// turn in its memory): every save of the turn writes without comparing, so no copy is kept to compare with. With the
    /// SDK's <see cref="ConversationState"/> pass <see cref="IsMarkedChanged"/> as the save's <c>force</c>, the same.
    /// </summary>
    public static void MarkChanged(ITurnContext turnContext) => turnContext.TurnState[ChangedKey] = true;

    /// <summary>Whether <see cref="MarkChanged"/> was called in this turn.</summary>
    public static bool IsMarkedChanged(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(ChangedKey);

    /// <summary>Forgets <see cref="MarkChanged"/>: a turn run again (another instance saved first) marks it again.</summary>
    public static void ClearMark(ITurnContext turnContext) => turnContext.TurnState.Remove(ChangedKey);

    /// <summary>Reads the state as <see cref="BotState.LoadAsync"/> does, keeping a copy to compare with instead of its JSON.</summary>
    public override async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCachedState(turnContext);
        if (!force && cached?.State is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync(new[] { key }, cancellationToken).ConfigureAwait(false);
        items.TryGetValue(key, out var value);
        var state = value switch
        {
            IDictionary<string, object> bag => bag,
            JObject json => json.ToObject<IDictionary<string, object>>()!,
            null => new Dictionary<string, object>(),
            _ => throw new InvalidOperationException("Data is not in the correct format for BotState."),
        };

        // The constructor hashes what it is given: an empty bag, then the state goes in through the public setter.
        var loaded = new CachedBotState { State = state };
        turnContext.TurnState[CachedStateKey] = loaded;
        Keep(turnContext, loaded);
    }

    /// <summary>Writes the state when <paramref name="force"/> says so or it differs from the copy taken when it was loaded or last written.</summary>
    public override async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCachedState(turnContext);
        if (cached is null || (!force && !IsMarkedChanged(turnContext) && !IsChanged(turnContext, cached)))
        {
            return;
        }

        var changes = new Dictionary<string, object> { { GetStorageKey(turnContext), cached.State } };
        await _storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        Keep(turnContext, cached); // after the write: with its new ETag, as the SDK hashes it
    }

    /// <summary>An empty state that the next save writes, as <see cref="BotState.ClearStateAsync"/> (whose empty hash can never match).</summary>
    public override Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[CachedStateKey] = new CachedBotState();
        turnContext.TurnState.Remove(SnapshotKey);
        return Task.CompletedTask;
    }

    /// <summary>The SDK's comparison, on the copy: changed when their JSON differs, or when nothing was kept for this state.</summary>
    private static bool IsChanged(ITurnContext turnContext, CachedBotState cached) =>
        turnContext.TurnState.Get<Snapshot>(SnapshotKey) is not { } snapshot || !ReferenceEquals(snapshot.Owner, cached)
        || JsonConvert.SerializeObject(snapshot.State, HashSettings) != JsonConvert.SerializeObject(cached.State, HashSettings);

    /// <summary>Keeps a copy of <paramref name="cached"/>'s state to compare with, unless the turn is marked changed (then no save compares).</summary>
    private static void Keep(ITurnContext turnContext, CachedBotState cached)
    {
        if (IsMarkedChanged(turnContext))
        {
            turnContext.TurnState.Remove(SnapshotKey);
        }
        else
        {
            turnContext.TurnState[SnapshotKey] = new Snapshot(cached, Copy(cached.State));
        }
    }

    private static IDictionary<string, object> Copy(IDictionary<string, object> state) => (IDictionary<string, object>)InMemoryStateStorage.Copy(state);

    /// <summary>A copy of <paramref name="Owner"/>'s state as it was loaded or last written.</summary>
    private sealed record Snapshot(CachedBotState Owner, IDictionary<string, object> State);
}
