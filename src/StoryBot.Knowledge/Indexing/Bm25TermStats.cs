using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// What <see cref="PreparedBm25Similarity"/> knows of one query term (or phrase): BM25's idf, the boosts and the shared
/// normalisation table; <c>BM25Similarity</c>'s private <c>BM25Stats</c> with the explanation left for when it is asked.
/// </summary>
internal sealed class Bm25TermStats : Similarity.SimWeight
{
    private readonly CollectionStatistics _collection;
    private readonly TermStatistics[] _terms;

    public Bm25TermStats(CollectionStatistics collection, TermStatistics[] terms, float idf, float queryBoost, float avgdl, float[] cache)
    {
        _collection = collection;
        _terms = terms;
        Idf = idf;
        QueryBoost = queryBoost;
        Avgdl = avgdl;
        Cache = cache;
    }

    public string Field => _collection.Field;

    public float Idf { get; }

    public float QueryBoost { get; }

    public float Avgdl { get; }

    /// <summary>k1 × ((1 − b) + b × length / avgdl) for every norm value; shared, never written.</summary>
    public float[] Cache { get; }

    /// <summary>The enclosing queries' boost, from <see cref="Normalize"/>.</summary>
    public float TopLevelBoost { get; private set; }

    /// <summary>idf × query boost × top-level boost.</summary>
    public float Weight { get; private set; }

    public override float GetValueForNormalization()
    {
        var queryWeight = Idf * QueryBoost;
        return queryWeight * queryWeight;
    }

    public override void Normalize(float queryNorm, float topLevelBoost)
    {
        TopLevelBoost = topLevelBoost;
        Weight = Idf * QueryBoost * topLevelBoost;
    }

    /// <summary>The idf explanation <c>BM25Similarity.IdfExplain</c> gives.</summary>
    public Explanation ExplainIdf()
    {
        var max = _collection.MaxDoc;
        if (_terms.Length == 1)
        {
            return new Explanation(Idf, $"idf(docFreq={_terms[0].DocFreq}, maxDocs={max})");
        }

        var explanation = new Explanation { Description = "idf(), sum of:", Value = Idf };
        foreach (var stat in _terms)
        {
            explanation.AddDetail(new Explanation(PreparedBm25Similarity.Idf(stat.DocFreq, max), $"idf(docFreq={stat.DocFreq}, maxDocs={max})"));
        }

        return explanation;
    }
}
