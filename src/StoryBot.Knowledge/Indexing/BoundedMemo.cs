using System.Collections.Concurrent;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// Remembers a pure function's results by key, for at most <see cref="MaxEntries"/> keys; past that a result is
/// computed each time and not kept. The word-level memos of understanding and of the index terms are keyed by what
/// users type, so they must not grow with the traffic; the words of a story and of common questions come first and
/// stay. Thread-safe. <see cref="TryGet"/> and <see cref="Keep"/> instead of <c>GetOrAdd(key, lambda)</c>: a lambda
/// that captures its caller is allocated on every call, hit or miss.
/// </summary>
public sealed class BoundedMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values;
    private int _kept;

    public BoundedMemo(int maxEntries, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);
        MaxEntries = maxEntries;
        _values = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    /// <summary>Keys kept at most.</summary>
    public int MaxEntries { get; }

    /// <summary>How many keys are kept now.</summary>
    public int Count => _values.Count;

    /// <summary>The kept result for <paramref name="key"/>, if there is one.</summary>
    public bool TryGet(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

    /// <summary>
    /// Keeps <paramref name="value"/> for <paramref name="key"/> while there is room, and returns the result to use:
    /// the one already kept when another thread kept it first, so every caller sees one result per key.
    /// </summary>
    public TValue Keep(TKey key, TValue value)
    {
        if (_values.TryGetValue(key, out var kept))
        {
            return kept;
        }

        if (Interlocked.Increment(ref _kept) > MaxEntries)
        {
            Interlocked.Decrement(ref _kept);
            return value;
        }

        if (_values.TryAdd(key, value))
        {
            return value;
        }

        Interlocked.Decrement(ref _kept);
        return _values.TryGetValue(key, out kept) ? kept : value;
    }
}
