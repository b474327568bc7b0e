using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using StoryBot.Knowledge.Ingest;
using Directory = Lucene.Net.Store.Directory;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// The on-disk Lucene index of every story's sentences, one document per sentence. It is built when
/// missing, unreadable or stale (the stories' content hash is stored in the commit user data) and
/// otherwise opened as is; one shared, thread-safe <see cref="IndexSearcher"/> serves all questions.
/// </summary>
public sealed class SentenceIndex : IDisposable
{
    /// <summary>Bump when analysis or fields change, so existing indexes are rebuilt.</summary>
    public const string SchemaVersion = "6";

    internal const string HashKey = "storybot.contentHash";
    internal const string SchemaKey = "storybot.schema";

    private readonly Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly (string StoryId, int Number)[] _locations;

    private SentenceIndex(Directory directory, DirectoryReader reader, IndexOpenResult result, string path, bool withVectors)
    {
        _directory = directory;
        _reader = reader;
        OpenResult = result;
        Path = path;
        Searcher = new PreparedTermSearcher(reader, new HashSet<string> { IndexFields.Id }) { Similarity = new PreparedBm25Similarity(CreateSimilarity()) };
        _locations = ReadLocations(reader);
        Vectors = withVectors ? ReadVectors(reader) : null;
        LaidOutVectors = Vectors is null ? null : new Semantics.InterleavedVectors(Vectors);
    }

    /// <summary>Each document's sentence embedding (by doc id), when the index was built with an encoder.</summary>
    public float[][]? Vectors { get; }

    /// <summary>
    /// <see cref="Vectors"/> laid out for scoring one question against all of them at once (the same values to the bit,
    /// several sentences per SIMD operation): every semantic question scores every sentence.
    /// </summary>
    public Semantics.InterleavedVectors? LaidOutVectors { get; }

    public IndexOpenResult OpenResult { get; }

    public string Path { get; }

    public IndexSearcher Searcher { get; }

    public IndexReader Reader => _reader;

    /// <summary>The commit user data of the open index (content hash, schema), for diagnostics and tests.</summary>
    public IDictionary<string, string> CommitData => _reader.IndexCommit.UserData;

    public long Generation => _reader.IndexCommit.Generation;

    /// <summary>BM25 with a low length normalisation: documents are single sentences.</summary>
    /// <remarks>The searcher scores with the same similarity as <see cref="PreparedBm25Similarity"/>, which saves its per-term garbage.</remarks>
    public static BM25Similarity CreateSimilarity() => new(1.2f, 0.4f);

    /// <summary>The analyser per field, shared by indexing and querying.</summary>
    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(
        StoryAnalyzer.ForIndex(),
        new Dictionary<string, Analyzer> { [IndexFields.Exact] = StoryAnalyzer.Exact() });

    /// <summary>Opens the index at <paramref name="path"/>, building it from <paramref name="documents"/> when needed.</summary>
    /// <param name="encodePassages">
    /// Embeds sentences for the semantic retriever; the vectors are stored with the sentences, so they are computed
    /// once per build. The caller's <paramref name="contentHash"/> must name the model, so a new model rebuilds.
    /// </param>
    public static SentenceIndex Open(string path, IReadOnlyList<SentenceDocument> documents, string contentHash, bool forceRebuild = false, Func<IReadOnlyList<string>, float[][]>? encodePassages = null)
    {
        var withVectors = encodePassages is not null;
        var expected = contentHash + "/" + SchemaVersion;
        FSDirectory? directory = null;
        try
        {
            System.IO.Directory.CreateDirectory(path);
            directory = FSDirectory.Open(path);
            var result = IndexOpenResult.Built;
            if (!forceRebuild && DirectoryReader.IndexExists(directory))
            {
                try
                {
                    var reader = DirectoryReader.Open(directory);
                    if (reader.IndexCommit.UserData.TryGetValue(HashKey, out var stored) && stored == expected && reader.NumDocs == documents.Count)
                    {
                        return new SentenceIndex(directory, reader, IndexOpenResult.Reused, path, withVectors);
                    }

                    reader.Dispose();
                    result = IndexOpenResult.RebuiltChanged;
                }
                catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException)
                {
                    result = IndexOpenResult.RebuiltCorrupt;
                }
            }
            else if (!forceRebuild && System.IO.Directory.EnumerateFileSystemEntries(path).Any(f => !System.IO.Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase) && !System.IO.Path.GetFileName(f).StartsWith('.')))
            {
                result = IndexOpenResult.RebuiltCorrupt; // files, but no readable index
            }
            else if (forceRebuild)
            {
                result = IndexOpenResult.RebuiltChanged;
            }

            if (result == IndexOpenResult.RebuiltCorrupt)
            {
                ClearUnreadable(directory);
            }

            Write(directory, documents, expected, encodePassages);
            return new SentenceIndex(directory, DirectoryReader.Open(directory), result, path, withVectors);
        }
        catch (Exception ex) when (ex is LockObtainFailedException or UnauthorizedAccessException or IOException)
        {
            directory?.Dispose();
            var memory = new RAMDirectory();
            Write(memory, documents, expected, encodePassages);
            return new SentenceIndex(memory, DirectoryReader.Open(memory), IndexOpenResult.InMemoryFallback, path, withVectors);
        }
    }

    /// <summary>
    /// Deletes what is left of an unreadable index. IndexWriter reads every segments_N file even in
    /// CREATE mode, so a corrupt one would make the rebuild fail too. The write lock is taken first, so
    /// files another live writer owns are never deleted; the README and dot-files are kept.
    /// </summary>
    private static void ClearUnreadable(FSDirectory directory)
    {
        using var writeLock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        if (!writeLock.Obtain())
        {
            throw new LockObtainFailedException($"The index folder '{directory.Directory.FullName}' is locked by another writer.");
        }

        foreach (var name in directory.ListAll())
        {
            if (name != IndexWriter.WRITE_LOCK_NAME && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase) && !name.StartsWith('.'))
            {
                directory.DeleteFile(name);
            }
        }
    }

    private static void Write(Directory directory, IReadOnlyList<SentenceDocument> documents, string expected, Func<IReadOnlyList<string>, float[][]>? encodePassages)
    {
        var vectors = encodePassages?.Invoke(documents.Select(d => d.Sentence.Text).ToList());
        var config = new IndexWriterConfig(StoryAnalyzer.Version, CreateAnalyzer())
        {
            OpenMode = OpenMode.CREATE,
            Similarity = CreateSimilarity(),
        };
        using var writer = new IndexWriter(directory, config);
        for (var n = 0; n < documents.Count; n++)
        {
            var d = documents[n];
            var doc = new Document
            {
                new StringField(IndexFields.Id, d.Sentence.StoryId + ":" + d.Sentence.Number, Field.Store.YES),
                new StringField(IndexFields.Story, d.Sentence.StoryId, Field.Store.YES),
                new StoredField(IndexFields.Number, d.Sentence.Number),
                new StoredField(IndexFields.Paragraph, d.Sentence.Paragraph),
                new StoredField(IndexFields.Text, d.Sentence.Text),
                new TextField(IndexFields.Body, d.Sentence.Text, Field.Store.NO),
                new TextField(IndexFields.Exact, d.Sentence.Text, Field.Store.NO),
                new TextField(IndexFields.Alias, d.Alias, Field.Store.NO),
                new TextField(IndexFields.Context, d.Context, Field.Store.NO),
            };
            if (vectors is not null)
            {
                var bytes = new byte[vectors[n].Length * sizeof(float)];
                Buffer.BlockCopy(vectors[n], 0, bytes, 0, bytes.Length);
                doc.Add(new StoredField(IndexFields.Vector, bytes));
            }

            foreach (var tag in d.Tags)
            {
                doc.Add(new StringField(IndexFields.Tags, tag, Field.Store.YES));
            }

            writer.AddDocument(doc);
        }

        writer.SetCommitData(new Dictionary<string, string>
        {
            [HashKey] = expected,
            [SchemaKey] = SchemaVersion,
            ["storybot.builtUtc"] = DateTime.UtcNow.ToString("O"),
        });
        writer.Commit();
    }

    /// <summary>The (story id, sentence number) a hit refers to.</summary>
    /// <remarks>
    /// Read from a table filled once at open: loading a hit's stored fields per question (LZ4 decompression
    /// of a block, a Document, boxed fields) was about a third of the in-process answer time and most of
    /// its allocation (docs/performance.md). The reader never changes, so doc ids are stable.
    /// </remarks>
    public (string StoryId, int Number) Locate(int docId) => _locations[docId];

    private static (string StoryId, int Number)[] ReadLocations(IndexReader reader)
    {
        var locations = new (string StoryId, int Number)[reader.MaxDoc];
        var fields = new HashSet<string> { IndexFields.Story, IndexFields.Number };
        for (var docId = 0; docId < locations.Length; docId++)
        {
            var doc = reader.Document(docId, fields);
            locations[docId] = (string.Intern(doc.Get(IndexFields.Story)), doc.GetField(IndexFields.Number).GetInt32Value() ?? 0);
        }

        return locations;
    }

    private static float[][] ReadVectors(IndexReader reader)
    {
        var vectors = new float[reader.MaxDoc][];
        var fields = new HashSet<string> { IndexFields.Vector };
        for (var docId = 0; docId < vectors.Length; docId++)
        {
            var bytes = reader.Document(docId, fields).GetBinaryValue(IndexFields.Vector)
                ?? throw new InvalidOperationException("The index has no sentence vectors; it is rebuilt when the semantic signal is switched on.");
            var vector = new float[bytes.Length / sizeof(float)];
            Buffer.BlockCopy(bytes.Bytes, bytes.Offset, vector, 0, bytes.Length);
            vectors[docId] = vector;
        }

        return vectors;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
