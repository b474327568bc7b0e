namespace StoryBot.Hosting;

/// <summary>
/// A keyed, first-in-first-out async lock: at most one turn per conversation runs at a time, the others
/// wait in arrival order. Why: a conversation's state (the last cited sentence, the welcome flag) is read
/// at the start of a turn and written at its end; two turns of one conversation running together would
/// lose one's update, so "tell me more" sent twice would quote the same sentence twice.
/// Bounded: a conversation may have at most <see cref="MaxQueuedPerConversation"/> turns waiting, and a
/// turn waits at most <see cref="QueueTimeout"/>; an entry is removed as soon as nobody holds or awaits it.
/// It is the host's only per-conversation ordering: <see cref="SerialTurnsMiddleware"/> takes it for every
/// turn the adapter runs, and an endpoint that must keep more than the turn in order (Direct Line appends
/// the user's activity, runs the turn, appends the replies) holds it around all of that with
/// <see cref="TryRunAsync"/>, which the middleware then recognises instead of waiting on itself.
/// </summary>
public sealed class ConversationTurnGate
{
    // The key this async flow holds through TryRunAsync: a turn run inside it must not wait for itself.
    private readonly AsyncLocal<string?> _heldKey = new();

    private readonly object _sync = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly StoryBotMetrics? _metrics;

    public ConversationTurnGate(int maxQueuedPerConversation, TimeSpan queueTimeout, StoryBotMetrics? metrics = null)
    {
        MaxQueuedPerConversation = Math.Max(0, maxQueuedPerConversation);
        QueueTimeout = queueTimeout;
        _metrics = metrics;
    }

    /// <summary>The gate's key for a conversation: the same on every way in (HTTP, Direct Line, in process).</summary>
    public static string KeyFor(string? channelId, string conversationId) => channelId + "|" + conversationId;

    public int MaxQueuedPerConversation { get; }

    public TimeSpan QueueTimeout { get; }

    /// <summary>How many conversations currently have a turn running or waiting (0 when idle: entries are cleaned up).</summary>
    public int ActiveConversations
    {
        get
        {
            lock (_sync)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Waits for the conversation's turn. Returns a lease to dispose when the turn ends, or null when the
    /// conversation already has too many turns waiting or the wait timed out.
    /// </summary>
    public async Task<IDisposable?> TryEnterAsync(string key, CancellationToken cancellationToken)
    {
        if (_heldKey.Value == key)
        {
            return NoLease.Instance; // this flow already holds the conversation (TryRunAsync)
        }

        LinkedListNode<TaskCompletionSource<bool>> node;
        Entry entry;
        lock (_sync)
        {
            if (!_entries.TryGetValue(key, out var existing))
            {
                _entries[key] = new Entry();
                _metrics?.RecordQueueWait(TimeSpan.Zero);
                return new Lease(this, key);
            }

            if (existing.Waiters.Count >= MaxQueuedPerConversation)
            {
                return null;
            }

            entry = existing;
            node = entry.Waiters.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        var granted = node.Value.Task;
        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await granted.WaitAsync(QueueTimeout, cancellationToken).ConfigureAwait(false);
            _metrics?.RecordQueueWait(System.Diagnostics.Stopwatch.GetElapsedTime(waitStarted));
            return new Lease(this, key);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_sync)
            {
                if (node.List is not null)
                {
                    entry.Waiters.Remove(node); // still waiting: give up the place in the queue
                    if (ex is OperationCanceledException)
                    {
                        throw;
                    }

                    return null;
                }
            }

            // The turn was handed to us just as the wait ended: pass it on rather than leak it.
            Release(key);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> holding the conversation <paramref name="key"/>; turns the adapter runs
    /// inside it pass the gate without waiting. Returns false, without running it, when the conversation
    /// has too many turns waiting or the wait timed out.
    /// </summary>
    public async Task<bool> TryRunAsync(string key, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var lease = await TryEnterAsync(key, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return false;
        }

        _heldKey.Value = key; // flows into work and everything it awaits; restored when this method returns
        await work(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private void Release(string key)
    {
        lock (_sync)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return;
            }

            if (entry.Waiters.First is { } next)
            {
                entry.Waiters.RemoveFirst();
                next.Value.TrySetResult(true); // ownership passes to the next waiter, in arrival order
            }
            else
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public LinkedList<TaskCompletionSource<bool>> Waiters { get; } = new();
    }

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Lease(ConversationTurnGate gate, string key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release(key);
            }
        }
    }
}
