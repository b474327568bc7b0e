using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// Lucene's <see cref="BM25Similarity"/> for a searcher over an index that never changes, scoring exactly as it does
/// (the same float operations in the same order) without its per-term garbage: <c>BM25Similarity.ComputeWeight</c> (sealed)
/// builds a 256-entry length-normalisation table and an idf explanation string for every term of every query (~1.6 KB).
/// Here the table is built once per average field length, which is fixed while the index is open, and the explanation
/// only when <see cref="Bm25DocScorer.Explain"/> is asked for one. Norms are computed by the wrapped similarity.
/// </summary>
public sealed class PreparedBm25Similarity : Similarity
{
    /// <summary>The number of distinct one-byte norms, and so the length of a normalisation table.</summary>
    private const int NormValues = 256;

    private static readonly float[] NormTable = LoadNormTable();

    private readonly BM25Similarity _bm25;
    private readonly ConcurrentDictionary<float, float[]> _normalisation = new();

    public PreparedBm25Similarity(BM25Similarity bm25) => _bm25 = bm25;

    /// <summary>The saturation parameter k1 of the wrapped similarity.</summary>
    public float K1 => _bm25.K1;

    /// <summary>The length normalisation parameter b of the wrapped similarity.</summary>
    public float B => _bm25.B;

    public override long ComputeNorm(FieldInvertState state) => _bm25.ComputeNorm(state);

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        float idf;
        if (termStats.Length == 1)
        {
            idf = Idf(termStats[0].DocFreq, collectionStats.MaxDoc);
        }
        else
        {
            idf = 0.0f;
            foreach (var stat in termStats)
            {
                idf += Idf(stat.DocFreq, collectionStats.MaxDoc);
            }
        }

        var avgdl = AvgFieldLength(collectionStats);
        return new Bm25TermStats(collectionStats, termStats, idf, queryBoost, avgdl, _normalisation.GetOrAdd(avgdl, Normalisation));
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var stats = (Bm25TermStats)weight;
        return new Bm25DocScorer(this, stats, context.AtomicReader.GetNormValues(stats.Field));
    }

    /// <summary>The document length a norm byte stands for, as <c>BM25Similarity.DecodeNormValue</c> decodes it.</summary>
    internal static float DecodeNormValue(byte norm) => NormTable[norm & 0xFF];

    /// <summary><c>BM25Similarity.Idf</c>: log(1 + (numDocs - docFreq + 0.5) / (docFreq + 0.5)).</summary>
    internal static float Idf(long docFreq, long numDocs) => (float)Math.Log(1 + ((numDocs - docFreq + 0.5D) / (docFreq + 0.5D)));

    /// <summary><c>BM25Similarity.AvgFieldLength</c>: the field's total term count over the document count, or 1 without it.</summary>
    private static float AvgFieldLength(CollectionStatistics collectionStats)
    {
        var sumTotalTermFreq = collectionStats.SumTotalTermFreq;
        return sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)collectionStats.MaxDoc);
    }

    /// <summary>The freq-independent part of BM25 for every norm value: k1 × ((1 − b) + b × length / avgdl).</summary>
    private float[] Normalisation(float avgdl)
    {
        float k1 = K1, b = B;
        var cache = new float[NormValues];
        for (var i = 0; i < cache.Length; i++)
        {
            cache[i] = k1 * ((1 - b) + (b * DecodeNormValue((byte)i) / avgdl));
        }

        return cache;
    }

    private static float[] LoadNormTable()
    {
        var table = new float[NormValues];
        for (var i = 0; i < table.Length; i++)
        {
            var f = SmallSingle.SByte315ToSingle((sbyte)i);
            table[i] = 1.0f / (f * f);
        }

        return table;
    }

    public override string ToString() => $"Prepared{_bm25}";
}
