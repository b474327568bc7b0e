namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// The index chain's analysis of a message, built from its exact analysis instead of running the chain over the
/// text again. The two chains share the tokenizer and the per-token filters up to lower case; the index chain
/// then drops stop words and stems, token by token. So the index terms of a text are, in order, the index terms
/// of each of its exact terms — whenever an exact term analyses to itself (it is one token the first filters
/// leave alone), which is checked once per term. The answer for a term is a pure function of the term and is
/// kept (up to <see cref="MaxTerms"/> terms; past that it is computed each time), so a repeated message's words
/// are not stemmed again. IndexTermCacheTests compare it with the index chain over the eval questions.
/// </summary>
public sealed class IndexTermCache
{
    /// <summary>Terms kept at most: messages bring any words, and the cache must not grow with them.</summary>
    public const int MaxTerms = 50_000;

    private readonly StoryAnalyzer _index;
    private readonly StoryAnalyzer _exact = StoryAnalyzer.Exact();

    // term → its index terms (none for a stop word, one otherwise); null when the term does not analyse to itself
    private readonly BoundedMemo<string, string[]?> _terms = new(MaxTerms, StringComparer.Ordinal);

    public IndexTermCache(StoryAnalyzer index) => _index = index;

    /// <summary>
    /// The index terms of the text whose exact terms are <paramref name="exactTerms"/>; null when one of them
    /// does not analyse to itself (the caller then analyses the text).
    /// </summary>
    public List<string>? Of(IReadOnlyList<string> exactTerms)
    {
        var terms = new List<string>(exactTerms.Count);
        foreach (var exact in exactTerms)
        {
            if (Of(exact) is not { } indexTerms)
            {
                return null;
            }

            terms.AddRange(indexTerms);
        }

        return terms;
    }

    private string[]? Of(string exact)
    {
        if (_terms.TryGet(exact, out var known))
        {
            return known;
        }

        var exactTerms = _exact.Terms(exact);
        return _terms.Keep(exact, exactTerms.Count == 1 && exactTerms[0] == exact ? _index.Terms(exact).ToArray() : null);
    }
}
