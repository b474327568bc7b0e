using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Ingest;

namespace StoryBot.Benchmarks;

/// <summary>
/// Building the story's index, analysing the story (entities, profiles) and the knowledge core's whole
/// in-process start with an existing index (the part of the host's start-up that is ours).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, iterationCount: 15, warmupCount: 3)]
public class IndexBenchmarks
{
    private IReadOnlyList<Story> _stories = null!;
    private IReadOnlyList<SentenceDocument> _documents = null!;
    private string _buildPath = null!;
    private string _existingPath = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (path, title, source) = BenchSetup.Story();
        _stories = StoryLibrary.Load(path, title, source);
        _documents = new StoryModel(_stories, StoryAnalyzer.ForIndex()).Documents();
        _buildPath = BenchSetup.TempFolder("build");
        _existingPath = BenchSetup.TempFolder("existing");
        BenchSetup.Load(indexPath: _existingPath).Dispose();
    }

    [Benchmark(Description = "analyse story (StoryModel)")]
    public int AnalyseStory() => new StoryModel(_stories, StoryAnalyzer.ForIndex()).SentenceCount;

    [Benchmark(Description = "build index (SentenceIndex.Open, rebuild)")]
    public int BuildIndex()
    {
        using var index = SentenceIndex.Open(_buildPath, _documents, "bench", forceRebuild: true);
        return index.Reader.NumDocs;
    }

    [Benchmark(Description = "load knowledge, existing index (StoryKnowledge.Load)")]
    public int LoadExisting()
    {
        using var knowledge = BenchSetup.Load(indexPath: _existingPath);
        return knowledge.StarterQuestions.Count;
    }
}
