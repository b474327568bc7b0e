using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// Lucene's <c>TermWeight</c> for a <see cref="PreparedTermQuery"/>: the same similarity weight from the same collection
/// and term statistics, normalised the same way; its scorer reads the term's postings from memory.
/// </summary>
internal sealed class PreparedTermWeight : Weight
{
    private readonly PreparedTermQuery _query;
    private readonly Similarity _similarity;
    private readonly Similarity.SimWeight _stats;

    public PreparedTermWeight(PreparedTermQuery query, IndexSearcher searcher)
    {
        _query = query;
        _similarity = searcher.Similarity;
        _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, query.Context));
    }

    public override Query Query => _query;

    public override float GetValueForNormalization() => _stats.GetValueForNormalization();

    public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

    public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
    {
        if (_query.Postings.Docs(context.Ord) is not { } docs || _query.Postings.Freqs(context.Ord) is not { } freqs)
        {
            return null; // the term is not in this segment
        }

        return new PreparedTermScorer(this, docs, freqs, _similarity.GetSimScorer(_stats, context), acceptDocs);
    }

    public override Explanation Explain(AtomicReaderContext context, int doc)
    {
        var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
        if (scorer is not null && scorer.Advance(doc) == doc)
        {
            float freq = scorer.Freq;
            var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(freq, "termFreq=" + freq));
            var result = new ComplexExplanation { Description = $"weight({_query} in {doc}) [{_similarity.GetType().Name}], result of:", Value = score.Value, Match = true };
            result.AddDetail(score);
            return result;
        }

        return new ComplexExplanation(false, 0.0f, "no matching term");
    }

    public override string ToString() => $"weight({_query})";
}
