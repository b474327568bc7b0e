using System.Collections.Concurrent;

namespace StoryBot.Knowledge.Semantics;

/// <summary>
/// Question embeddings by exact text, bounded: people send the same words again (the suggested questions are
/// buttons), and an embedding costs ~5 ms of CPU where the rest of an answer costs tenths of one. When full it is
/// emptied and refilled, which keeps it bounded without per-entry bookkeeping on the hot path. Capacity 0 turns it
/// off (the benchmarks measure the uncached path).
/// </summary>
public sealed class QueryVectorCache
{
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public QueryVectorCache(int capacity) => _capacity = capacity;

    /// <summary>The cached vector of <paramref name="text"/>, or <paramref name="encode"/>'s, remembered.</summary>
    public float[] GetOrAdd(string text, Func<string, float[]> encode)
    {
        if (_capacity <= 0)
        {
            return encode(text);
        }

        if (_vectors.TryGetValue(text, out var vector))
        {
            return vector;
        }

        vector = encode(text);
        if (_vectors.Count >= _capacity)
        {
            _vectors.Clear();
        }

        _vectors[text] = vector;
        return vector;
    }
}
