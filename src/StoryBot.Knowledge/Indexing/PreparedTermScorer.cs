using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// Lucene's <c>TermScorer</c> over a segment's <see cref="TermPostings"/> held in memory: the same documents in the same
/// order, the same frequencies, the same cost (the segment's document frequency) and the same similarity scorer, so each
/// score is the one <c>TermScorer</c> returns; only the postings are not decoded from the index on every search.
/// </summary>
internal sealed class PreparedTermScorer : Scorer
{
    private readonly int[] _docs;
    private readonly int[] _freqs;
    private readonly Similarity.SimScorer _docScorer;
    private readonly IBits? _acceptDocs;
    private int _at = -1;
    private int _doc = -1;

    public PreparedTermScorer(Weight weight, int[] docs, int[] freqs, Similarity.SimScorer docScorer, IBits? acceptDocs)
        : base(weight)
    {
        _docs = docs;
        _freqs = freqs;
        _docScorer = docScorer;
        _acceptDocs = acceptDocs;
    }

    public override int DocID => _doc;

    public override int Freq => _freqs[_at];

    public override float GetScore() => _docScorer.Score(_doc, _freqs[_at]);

    public override int NextDoc()
    {
        while (++_at < _docs.Length)
        {
            var doc = _docs[_at];
            if (_acceptDocs is null || _acceptDocs.Get(doc))
            {
                return _doc = doc;
            }
        }

        _at = _docs.Length;
        return _doc = NO_MORE_DOCS;
    }

    public override int Advance(int target)
    {
        int doc;
        while ((doc = NextDoc()) < target)
        {
        }

        return doc;
    }

    public override long GetCost() => _docs.Length;
}
