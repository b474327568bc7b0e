namespace StoryBot.Feedback;

/// <summary>
/// A map whose entries are also kept in order of a time they carry, so the oldest can be dropped without looking
/// at the rest. The in-process feedback store keeps up to Feedback:MaxRatings records and as many sent answers, and
/// adds one on every near-tie answer: scanning (and at the bound, sorting) all of them on each add cost ~3 % of a
/// turn's CPU under the load test and grew with the store. Here an add, a removal and dropping one expired entry
/// cost O(log n). Entries with equal times keep the order they were added in.
/// </summary>
public sealed class OldestFirstMap<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _entries;
    private readonly SortedSet<Entry> _byTime = new(EntryOrder.Instance);
    private long _added;

    public OldestFirstMap(IEqualityComparer<TKey> comparer) => _entries = new Dictionary<TKey, Entry>(comparer);

    public int Count => _entries.Count;

    /// <summary>The values, oldest first.</summary>
    public IEnumerable<TValue> OldestFirst => _byTime.Select(e => e.Value);

    /// <summary>Adds <paramref name="value"/> under <paramref name="key"/> at <paramref name="time"/>, replacing any entry the key had.</summary>
    public void Set(TKey key, TValue value, DateTimeOffset time)
    {
        Remove(key);
        var entry = new Entry(key, value, time, _added++);
        _entries[key] = entry;
        _byTime.Add(entry);
    }

    public bool Remove(TKey key)
    {
        if (!_entries.Remove(key, out var entry))
        {
            return false;
        }

        _byTime.Remove(entry);
        return true;
    }

    /// <summary>The value under <paramref name="key"/> and its time.</summary>
    public bool TryGetValue(TKey key, out TValue value, out DateTimeOffset time)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            (value, time) = (entry.Value, entry.Time);
            return true;
        }

        (value, time) = (default!, default);
        return false;
    }

    /// <summary>Drops the oldest entries for as long as <paramref name="expired"/> says their time has passed.</summary>
    public void RemoveOldestWhile(Func<DateTimeOffset, bool> expired)
    {
        while (_byTime.Min is { } oldest && expired(oldest.Time))
        {
            Remove(oldest.Key);
        }
    }

    /// <summary>Drops the oldest entries until at most <paramref name="count"/> remain.</summary>
    public void TrimTo(int count)
    {
        while (_entries.Count > count && _byTime.Min is { } oldest)
        {
            Remove(oldest.Key);
        }
    }

    private sealed record Entry(TKey Key, TValue Value, DateTimeOffset Time, long Order);

    // By time, then by the order of adding: no two entries compare equal, so the set never merges them.
    private sealed class EntryOrder : IComparer<Entry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            var byTime = x!.Time.CompareTo(y!.Time);
            return byTime != 0 ? byTime : x.Order.CompareTo(y.Order);
        }
    }
}
