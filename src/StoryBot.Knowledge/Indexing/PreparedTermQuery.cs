using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// A <see cref="TermQuery"/> whose term statistics and postings <see cref="PreparedTermSearcher"/> read when the index
/// was opened: it scores exactly as a <see cref="TermQuery"/> with that <see cref="TermContext"/>, and equals one with
/// the same term and boost, but its scorer walks the postings in memory (<see cref="PreparedTermScorer"/>).
/// </summary>
public sealed class PreparedTermQuery : Query
{
    public PreparedTermQuery(Term term, TermContext context, TermPostings postings)
    {
        Term = term;
        Context = context;
        Postings = postings;
    }

    public Term Term { get; }

    /// <summary>The term's statistics per segment, as <see cref="TermContext.Build"/> returns them.</summary>
    public TermContext Context { get; }

    public TermPostings Postings { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new PreparedTermWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(Term);

    public override string ToString(string field) =>
        (Term.Field.Equals(field, StringComparison.Ordinal) ? string.Empty : Term.Field + ":") + Term.Text + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is PreparedTermQuery other && Boost == other.Boost && Term.Equals(other.Term);

    public override int GetHashCode() => J2N.BitConversion.SingleToInt32Bits(Boost) ^ Term.GetHashCode();
}
