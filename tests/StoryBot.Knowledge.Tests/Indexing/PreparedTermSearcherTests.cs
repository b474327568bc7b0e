using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using StoryBot.Knowledge.Indexing;
using Xunit;

namespace StoryBot.Knowledge.Tests.Indexing;

/// <summary>
/// The prepared searcher must rank exactly as a plain <see cref="IndexSearcher"/> with the same similarity: same
/// documents, same order, every score equal to the bit, for the query shapes answering builds (optional terms, boosted
/// disjunctions with a tie-breaker, required words of a phrase), over an index of several segments with a deleted
/// document, where its in-memory postings must skip what Lucene's postings enumerator skips. The prepared searcher
/// scores with <see cref="PreparedBm25Similarity"/>, the plain one with Lucene's <c>BM25Similarity</c>; a phrase
/// covers the similarity's idf summed over several terms.
/// </summary>
public sealed class PreparedTermSearcherTests : IDisposable
{
    private static readonly string[] Sentences =
    {
        "Trump met Russian Foreign Minister Sergey Lavrov at the White House.",
        "Lavrov said the meeting with Trump was constructive, and Trump said so too.",
        "The foreign minister visited Washington for the first time in years.",
        "Trump fired FBI Director James Comey on Tuesday.",
        "Comey was leading an investigation into Russian meddling.",
        "Putin said Russia would respond to the missile strike.",
        "The strike hit a Syrian air base with nearly 60 cruise missiles.",
        "Lavrov and Tillerson met in Moscow in April; Lavrov later met Trump.",
    };

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public PreparedTermSearcherTests()
    {
        var config = new IndexWriterConfig(StoryAnalyzer.Version, SentenceIndex.CreateAnalyzer())
        {
            Similarity = SentenceIndex.CreateSimilarity(),
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < Sentences.Length; i++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField(IndexFields.Body, Sentences[i], Field.Store.NO),
                    new TextField(IndexFields.Alias, i % 2 == 0 ? "foreign minister" : "director", Field.Store.NO),
                });
                if (i % 3 == 2)
                {
                    writer.Commit(); // a segment per three sentences
                }
            }

            writer.DeleteDocuments(new Term("n", "4"));
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public static TheoryData<string> Queries => new() { "trump", "lavrov trump", "dismax", "phrase", "absent", "mixed", "exact phrase" };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_RanksAndScoresAsAPlainSearcher(string shape)
    {
        var plain = new IndexSearcher(_reader) { Similarity = SentenceIndex.CreateSimilarity() };
        var prepared = new PreparedTermSearcher(_reader) { Similarity = new PreparedBm25Similarity(SentenceIndex.CreateSimilarity()) };
        Assert.True(_reader.Leaves.Count > 1);
        Assert.True(_reader.HasDeletions);

        var expected = plain.Search(Build(shape), 10).ScoreDocs;
        var actual = prepared.Search(Build(shape), 10).ScoreDocs;

        Assert.Equal(expected.Select(d => (d.Doc, d.Score)), actual.Select(d => (d.Doc, d.Score)));
        if (shape != "absent")
        {
            Assert.NotEmpty(actual);
            Assert.Equal(plain.Explain(Build(shape), expected[0].Doc).Value, prepared.Explain(Build(shape), actual[0].Doc).Value);
        }
    }

    [Theory]
    [InlineData("trump")]
    [InlineData("dismax")]
    [InlineData("exact phrase")]
    public void PreparedBm25Similarity_ExplainsEveryStepAsBM25Similarity(string shape)
    {
        var lucene = new IndexSearcher(_reader) { Similarity = SentenceIndex.CreateSimilarity() };
        var prepared = new IndexSearcher(_reader) { Similarity = new PreparedBm25Similarity(SentenceIndex.CreateSimilarity()) };
        var top = lucene.Search(Build(shape), 1).ScoreDocs[0].Doc;

        var explained = prepared.Explain(Build(shape), top).ToString().Replace(nameof(PreparedBm25Similarity), "BM25Similarity", StringComparison.Ordinal);

        Assert.Equal(lucene.Explain(Build(shape), top).ToString(), explained); // every value and step; only the class named differs
    }

    [Fact]
    public void ATermOfTheIndex_IsSearchedFromItsPreparedPostings()
    {
        var prepared = new PreparedTermSearcher(_reader) { Similarity = SentenceIndex.CreateSimilarity() };

        Assert.IsType<PreparedTermQuery>(prepared.Prepare(Term(IndexFields.Body, "lavrov")));
        Assert.IsType<TermQuery>(prepared.Prepare(Term(IndexFields.Body, "kangaroo")));
    }

    private static Query Build(string shape) => shape switch
    {
        "trump" => Term(IndexFields.Body, "trump"),
        "lavrov trump" => Should(Term(IndexFields.Body, "lavrov"), Term(IndexFields.Body, "trump")),
        "dismax" => Should(
            Disjunction(2f, Term(IndexFields.Body, "minister", 0.9f), Term(IndexFields.Alias, "minister", 0.72f), Term(IndexFields.Body, "diplomat", 0.5f)),
            Disjunction(1f, Term(IndexFields.Body, "meet"), Term(IndexFields.Body, "visit", 0.8f))),
        "phrase" => Should(Disjunction(1f, Required(Term(IndexFields.Body, "cruise"), Term(IndexFields.Body, "missile")), Term(IndexFields.Body, "strike", 0.6f))),
        "exact phrase" => Should(new PhraseQuery { new Term(IndexFields.Body, "cruise"), new Term(IndexFields.Body, "missile") }, Term(IndexFields.Body, "strike", 0.5f)),
        "absent" => Should(Term(IndexFields.Body, "kangaroo"), Term(IndexFields.Alias, "wombat")),
        _ => Should(Term(IndexFields.Body, "comey"), Disjunction(1.5f, Term(IndexFields.Body, "fire"), Term(IndexFields.Body, "kangaroo")), Term(IndexFields.Alias, "director", 0.2f)),
    };

    private static TermQuery Term(string field, string text, float boost = 1f) => new(new Term(field, text)) { Boost = boost };

    private static BooleanQuery Should(params Query[] clauses)
    {
        var query = new BooleanQuery();
        foreach (var clause in clauses)
        {
            query.Add(clause, Occur.SHOULD);
        }

        return query;
    }

    private static BooleanQuery Required(params Query[] clauses)
    {
        var query = new BooleanQuery();
        foreach (var clause in clauses)
        {
            query.Add(clause, Occur.MUST);
        }

        return query;
    }

    private static DisjunctionMaxQuery Disjunction(float boost, params Query[] disjuncts)
    {
        var query = new DisjunctionMaxQuery(0.1f) { Boost = boost };
        foreach (var disjunct in disjuncts)
        {
            query.Add(disjunct);
        }

        return query;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
