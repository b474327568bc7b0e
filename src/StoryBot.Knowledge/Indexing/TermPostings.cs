using Lucene.Net.Index;
using Lucene.Net.Search;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// One term's postings (document and frequency, in document order) for each segment of an index that never changes,
/// read once when the index is opened. <see cref="PreparedTermQuery"/> scores from them, so a question's term costs no
/// terms enumerator, seek or cloned postings input (~3.4 KB of garbage per term and search in Lucene's TermWeight).
/// </summary>
public sealed class TermPostings
{
    private readonly int[]?[] _docs;
    private readonly int[]?[] _freqs;

    /// <param name="segments">How many segments (leaves) the reader has.</param>
    public TermPostings(int segments)
    {
        _docs = new int[]?[segments];
        _freqs = new int[]?[segments];
    }

    /// <summary>Reads the postings <paramref name="termsEnum"/> is positioned on for segment <paramref name="segment"/>, deleted documents included, as Lucene's own enumerator returns them.</summary>
    public void Read(int segment, TermsEnum termsEnum)
    {
        var enumerator = termsEnum.Docs(null, null, DocsFlags.FREQS);
        var docs = new List<int>();
        var freqs = new List<int>();
        int doc;
        while ((doc = enumerator.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            docs.Add(doc);
            freqs.Add(enumerator.Freq);
        }

        _docs[segment] = docs.ToArray();
        _freqs[segment] = freqs.ToArray();
    }

    /// <summary>The documents of segment <paramref name="segment"/> holding the term, ascending; null when it has none.</summary>
    public int[]? Docs(int segment) => segment < _docs.Length ? _docs[segment] : null;

    /// <summary>The term's frequency in each of <see cref="Docs"/>.</summary>
    public int[]? Freqs(int segment) => segment < _freqs.Length ? _freqs[segment] : null;
}
