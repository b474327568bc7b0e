namespace StoryBot.Hosting;

/// <summary>
/// A keyed, first-in-first-out async lock: at most one turn per conversation runs at a time, the others
/// wait in arrival order. Why: a conversation's state (the last cited sentence, the welcome flag) is read
/// at the start of a turn and written at its end; two turns of one conversation running together would
/// lose one's update, so "tell me more" sent twice would quote the same sentence twice.
/// Bounded: a conversation may have at most <see cref="MaxQueuedPerConversation"/> turns waiting, and a
/// turn waits at most <see cref="QueueTimeout"/>; an entry is removed as soon as nobody holds or awaits it.
/// </summary>
public sealed class ConversationTurnGate
{
    private readonly object _sync = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ConversationTurnGate(int maxQueuedPerConversation = 16, TimeSpan? queueTimeout = null)
    {
        MaxQueuedPerConversation = Math.Max(0, maxQueuedPerConversation);
        QueueTimeout = queueTimeout ?? TimeSpan.FromSeconds(30);
    }

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
        LinkedListNode<TaskCompletionSource<bool>> node;
        Entry entry;
        lock (_sync)
        {
            if (!_entries.TryGetValue(key, out var existing))
            {
                _entries[key] = new Entry();
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
        try
        {
            await granted.WaitAsync(QueueTimeout, cancellationToken).ConfigureAwait(false);
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
