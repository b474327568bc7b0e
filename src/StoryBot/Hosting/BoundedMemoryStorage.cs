using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace StoryBot.Hosting;

/// <summary>
/// Bot Framework state in memory, bounded: a conversation's state expires after
/// <see cref="IdleTimeout"/> without a read or write, and at most <see cref="MaxEntries"/> are held
/// (beyond that the least recently used go first). Why: the SDK's <see cref="MemoryStorage"/> keeps every
/// conversation forever, so a public endpoint fed endless new conversation ids would grow without limit.
/// A sweep runs on writes, at most once per <see cref="SweepInterval"/> (or at once when over the cap).
/// An expired conversation simply starts afresh: the bot forgets its last answer, nothing fails.
/// </summary>
public sealed class BoundedMemoryStorage : IStorage
{
    // Not the SDK's MemoryStorage: it serializes every value to a JObject and back under one lock, ~15% of
    // a turn under load; InMemoryStateStorage keeps its copy semantics without that (docs/performance.md).
    private readonly IStorage _inner = new InMemoryStateStorage();
    private readonly ConcurrentDictionary<string, long> _lastTouched = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly ILogger<BoundedMemoryStorage>? _logger;
    private readonly object _sweepLock = new();
    private long _lastSweep;

    public BoundedMemoryStorage(TimeSpan idleTimeout, int maxEntries, TimeSpan sweepInterval, TimeProvider? clock = null, ILogger<BoundedMemoryStorage>? logger = null)
    {
        IdleTimeout = idleTimeout;
        MaxEntries = Math.Max(1, maxEntries);
        SweepInterval = sweepInterval;
        _clock = clock ?? TimeProvider.System;
        _logger = logger;
        _lastSweep = Now;
    }

    public TimeSpan IdleTimeout { get; }

    public int MaxEntries { get; }

    public TimeSpan SweepInterval { get; }

    /// <summary>How many keys (conversations) are held now.</summary>
    public int Count => _lastTouched.Count;

    /// <summary>How many entries sweeps have removed so far (idle or over the cap).</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    private long _evicted;

    private long Now => _clock.GetUtcNow().UtcTicks;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var result = await _inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var now = Now;
        foreach (var key in result.Keys)
        {
            if (_lastTouched.ContainsKey(key))
            {
                _lastTouched[key] = now;
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        await _inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        var now = Now;
        foreach (var key in changes.Keys)
        {
            _lastTouched[key] = now;
        }

        if (_lastTouched.Count > MaxEntries || now - Interlocked.Read(ref _lastSweep) >= SweepInterval.Ticks)
        {
            await SweepAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await _inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            _lastTouched.TryRemove(key, out _);
        }
    }

    /// <summary>Removes idle entries, then the least recently used ones while over the cap (down to 90% of it).</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        string[] victims;
        int idle;
        lock (_sweepLock)
        {
            var now = Now;
            Interlocked.Exchange(ref _lastSweep, now);
            var cutoff = now - IdleTimeout.Ticks;
            var snapshot = _lastTouched.ToArray();
            var expired = snapshot.Where(kv => kv.Value <= cutoff).Select(kv => kv.Key).ToList();
            idle = expired.Count;
            var remaining = snapshot.Length - expired.Count;
            if (remaining > MaxEntries)
            {
                var target = Math.Max(1, MaxEntries * 9 / 10);
                expired.AddRange(snapshot.Where(kv => kv.Value > cutoff).OrderBy(kv => kv.Value).Take(remaining - target).Select(kv => kv.Key));
            }

            foreach (var key in expired)
            {
                _lastTouched.TryRemove(key, out _);
            }

            victims = expired.ToArray();
        }

        if (victims.Length > 0)
        {
            await _inner.DeleteAsync(victims, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _evicted, victims.Length);
            _logger?.LogInformation("Conversation state sweep: {Idle} idle and {OverCap} over the cap of {Max} removed; {Held} held", idle, victims.Length - idle, MaxEntries, _lastTouched.Count);
        }
    }
}
