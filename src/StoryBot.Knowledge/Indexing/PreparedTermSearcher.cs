using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// An <see cref="IndexSearcher"/> over a reader that never changes, which looks every term of the index up
/// once, at open, instead of once per query: each <see cref="TermQuery"/> in a query (also inside
/// <see cref="BooleanQuery"/> and <see cref="DisjunctionMaxQuery"/>) is given its prepared
/// <see cref="TermContext"/> before the weight is built. Without it, building the weight seeks every
/// term in the terms dictionary (a new terms enumerator, its frames and buffers per term): about 40% of
/// the in-process answer time and most of its allocation on the dev questions (docs/performance.md).
/// Scores are identical: the prepared context holds exactly what <see cref="TermContext.Build"/> returns,
/// and a term the index lacks gets the same empty context. The term's postings are read at open as well, and a term
/// the index has is searched as a <see cref="PreparedTermQuery"/> that scores from them: building a scorer otherwise
/// opens a terms enumerator, seeks the term and clones the postings input, per term and search (~3.4 KB each).
/// </summary>
public sealed class PreparedTermSearcher : IndexSearcher
{
    private readonly Dictionary<Term, (TermContext Context, TermPostings Postings)> _contexts = new();
    private readonly TermContext _absent;

    public PreparedTermSearcher(IndexReader reader, ISet<string>? skipFields = null)
        : base(reader)
    {
        var top = reader.Context;
        _absent = new TermContext(top);
        foreach (var leaf in reader.Leaves)
        {
            var fields = leaf.AtomicReader.Fields;
            if (fields is null)
            {
                continue;
            }

            foreach (var field in fields)
            {
                if (skipFields?.Contains(field) == true || fields.GetTerms(field) is not { } terms)
                {
                    continue;
                }

                var termsEnum = terms.GetEnumerator();
                while (termsEnum.MoveNext())
                {
                    var term = new Term(field, Lucene.Net.Util.BytesRef.DeepCopyOf(termsEnum.Term));
                    if (!_contexts.TryGetValue(term, out var prepared))
                    {
                        _contexts[term] = prepared = (new TermContext(top), new TermPostings(reader.Leaves.Count));
                    }

                    prepared.Context.Register(termsEnum.GetTermState(), leaf.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
                    prepared.Postings.Read(leaf.Ord, termsEnum);
                }
            }
        }
    }

    /// <summary>
    /// Up to this many documents, hits are collected in order (see <see cref="Search(IList{AtomicReaderContext}, Weight, ScoreDoc?, int)"/>);
    /// above it Lucene's out-of-order BooleanScorer pays for its table: at 100 stories (2,032 sentences) the
    /// in-order disjunction heap made answers ~1.5× slower, at 1 and 10 stories it is the faster one.
    /// </summary>
    public const int InOrderMaxDocs = 1024;

    /// <summary>How many (field, term) pairs were prepared.</summary>
    public int PreparedTerms => _contexts.Count;

    /// <summary>
    /// Top hits with an in-order collector on a small index. Lucene otherwise lets an all-optional
    /// <see cref="BooleanQuery"/> score out of order with <c>BooleanScorer</c>, which allocates a 2,048-bucket
    /// table (~100 KB) per search: more than everything else a question costs on a story-sized index.
    /// </summary>
    protected override TopDocs Search(IList<AtomicReaderContext> leaves, Weight weight, ScoreDoc? after, int nDocs)
    {
        var limit = Math.Max(1, IndexReader.MaxDoc);
        if (limit > InOrderMaxDocs)
        {
            return base.Search(leaves, weight, after, nDocs);
        }

        var collector = TopScoreDocCollector.Create(Math.Min(nDocs, limit), after, docsScoredInOrder: true);
        Search(leaves, weight, collector);
        return collector.GetTopDocs();
    }

    public override Weight CreateNormalizedWeight(Query query) => base.CreateNormalizedWeight(Prepare(query));

    /// <summary>
    /// A copy of <paramref name="query"/> whose term queries carry their prepared contexts, without the
    /// clauses that cannot match: a term or phrase the index lacks, and so an optional clause or a
    /// disjunct made only of such. Under BM25 a clause adds to a score only where it matches (query norm and
    /// coord are 1), and Lucene gives such clauses no scorer, so the scores are exactly the same while their
    /// weights are never built: a phrase's weight seeks each of its words afresh (~15 KB of garbage), and
    /// synonyms the story does not use are most of a question's clauses. Other query types are kept as
    /// they are; under any other similarity nothing is dropped (its query norm counts every clause).
    /// </summary>
    internal Query Prepare(Query query) => Prepare(query, out _);

    private Query Prepare(Query query, out bool neverMatches)
    {
        var mayDrop = Similarity is BM25Similarity or PreparedBm25Similarity;
        neverMatches = false;
        switch (query)
        {
            case TermQuery term when _contexts.TryGetValue(term.Term, out var prepared):
                return new PreparedTermQuery(term.Term, prepared.Context, prepared.Postings) { Boost = term.Boost };
            case TermQuery term:
                neverMatches = mayDrop;
                return new TermQuery(term.Term, _absent) { Boost = term.Boost };
            case PhraseQuery phrase:
                neverMatches = mayDrop && phrase.GetTerms().Any(t => !_contexts.ContainsKey(t));
                return phrase;
            case BooleanQuery boolean:
                var booleanCopy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                var positive = 0;
                foreach (var clause in boolean.Clauses)
                {
                    var prepared = Prepare(clause.Query, out var never);
                    if (never && clause.Occur == Occur.MUST)
                    {
                        neverMatches = true; // a required clause that cannot match: neither can the whole
                    }
                    else if (never)
                    {
                        continue; // an optional or prohibited clause that cannot match changes nothing
                    }

                    booleanCopy.Add(prepared, clause.Occur);
                    positive += clause.Occur == Occur.MUST_NOT ? 0 : 1;
                }

                neverMatches |= mayDrop && positive == 0;
                return booleanCopy;
            case DisjunctionMaxQuery disjunction:
                var disjunctionCopy = new DisjunctionMaxQuery(disjunction.TieBreakerMultiplier) { Boost = disjunction.Boost };
                foreach (var disjunct in disjunction.Disjuncts)
                {
                    var prepared = Prepare(disjunct, out var never);
                    if (!never)
                    {
                        disjunctionCopy.Add(prepared);
                    }
                }

                neverMatches = mayDrop && disjunctionCopy.Disjuncts.Count == 0;
                return disjunctionCopy;
            default:
                return query;
        }
    }
}
