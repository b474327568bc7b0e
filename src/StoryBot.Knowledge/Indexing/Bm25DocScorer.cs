using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// <c>BM25Similarity</c>'s document scorer for <see cref="Bm25TermStats"/>: weight × (k1 + 1) × freq / (freq + the
/// document's normalisation), the same float operations in the same order.
/// </summary>
internal sealed class Bm25DocScorer : Similarity.SimScorer
{
    private readonly PreparedBm25Similarity _similarity;
    private readonly Bm25TermStats _stats;
    private readonly float _weightValue;
    private readonly NumericDocValues? _norms;
    private readonly float[] _cache;

    public Bm25DocScorer(PreparedBm25Similarity similarity, Bm25TermStats stats, NumericDocValues? norms)
    {
        _similarity = similarity;
        _stats = stats;
        _weightValue = stats.Weight * (similarity.K1 + 1);
        _cache = stats.Cache;
        _norms = norms;
    }

    public override float Score(int doc, float freq)
    {
        // without norms, as if b = 0
        var norm = _norms is null ? _similarity.K1 : _cache[(sbyte)_norms.Get(doc) & 0xFF];
        return _weightValue * freq / (freq + norm);
    }

    public override float ComputeSlopFactor(int distance) => 1.0f / (distance + 1);

    public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1;

    /// <summary><c>BM25Similarity.ExplainScore</c>.</summary>
    public override Explanation Explain(int doc, Explanation freq)
    {
        float k1 = _similarity.K1, b = _similarity.B;
        var result = new Explanation { Description = $"score(doc={doc},freq={freq}), product of:" };
        var boost = new Explanation(_stats.QueryBoost * _stats.TopLevelBoost, "boost");
        if (boost.Value != 1.0f)
        {
            result.AddDetail(boost);
        }

        var idf = _stats.ExplainIdf();
        result.AddDetail(idf);
        var tfNorm = new Explanation { Description = "tfNorm, computed from:" };
        tfNorm.AddDetail(freq);
        tfNorm.AddDetail(new Explanation(k1, "parameter k1"));
        if (_norms is null)
        {
            tfNorm.AddDetail(new Explanation(0, "parameter b (norms omitted for field)"));
            tfNorm.Value = freq.Value * (k1 + 1) / (freq.Value + k1);
        }
        else
        {
            var doclen = PreparedBm25Similarity.DecodeNormValue((byte)_norms.Get(doc));
            tfNorm.AddDetail(new Explanation(b, "parameter b"));
            tfNorm.AddDetail(new Explanation(_stats.Avgdl, "avgFieldLength"));
            tfNorm.AddDetail(new Explanation(doclen, "fieldLength"));
            tfNorm.Value = freq.Value * (k1 + 1) / (freq.Value + (k1 * (1 - b + (b * doclen / _stats.Avgdl))));
        }

        result.AddDetail(tfNorm);
        result.Value = boost.Value * idf.Value * tfNorm.Value;
        return result;
    }
}
