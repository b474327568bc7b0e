using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using StoryBot.Knowledge.Ingest;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// Plain BM25 top-1, the yardstick every answering change is compared with: Lucene's <see cref="BM25Similarity"/>
/// defaults (k1 = 1.2, b = 0.75) over <see cref="EnglishAnalyzer"/> tokens of the sentence text alone, queried
/// with the question's tokens. No concepts, synonyms, answer types or follow-up memory.
/// </summary>
public sealed class Bm25Baseline : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly EnglishAnalyzer _analyzer = new(StoryAnalyzer.Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<StorySentence> _sentences;

    public Bm25Baseline(IReadOnlyList<Story> stories)
    {
        _sentences = stories.SelectMany(s => s.Sentences).ToList();
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(StoryAnalyzer.Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var sentence in _sentences)
            {
                writer.AddDocument(new Document { new TextField("text", sentence.Text, Field.Store.NO) });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The sentence BM25 ranks first for <paramref name="question"/>, or null when no word matches.</summary>
    public StorySentence? Top(string question)
    {
        var query = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream("text", question))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        if (query.Clauses.Count == 0)
        {
            return null;
        }

        var hits = _searcher.Search(query, 1).ScoreDocs;
        return hits.Length == 0 ? null : _sentences[hits[0].Doc];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
