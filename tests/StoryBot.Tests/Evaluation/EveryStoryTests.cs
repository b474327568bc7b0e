using Microsoft.Extensions.Configuration;
using StoryBot.Evaluation;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Ingest;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Evaluation;

/// <summary>
/// Every story the project has, served alone through the real turn pipeline: the lede summarises it, smalltalk is
/// smalltalk, and the scorer's first-ranked sentence is right at least as often as plain BM25's top-1 on the same
/// questions (the yardstick a scorer fitted to other stories must never fall below).
/// </summary>
public sealed class EveryStoryTests
{
    private readonly ITestOutputHelper _output;

    public EveryStoryTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Stories()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "train", "heldout" }.SelectMany(s => Directory.EnumerateDirectories(Path.Combine(Repo.Root, "eval", s))).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "story.txt")))
            {
                data.Add(Path.GetRelativePath(Repo.Root, folder));
            }
        }

        data.Add("stories");
        return data;
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public async Task Story_IsServed_AndRankedAtLeastAsWellAsPlainBm25(string folder)
    {
        var storyPath = folder == "stories" ? Repo.Story : Path.Combine(Repo.Root, folder, "story.txt");
        var questions = folder == "stories" ? Path.Combine(Repo.Root, "eval", "dev", "questions.json") : Path.Combine(Repo.Root, folder, "questions.json");
        var set = EvalSet.Load(questions);
        using var index = new ScratchFolder();
        using var knowledge = StoryKnowledge.Load(new KnowledgeOptions
        {
            StoryPath = storyPath,
            IndexPath = index.Path,
            ModelPath = Path.Combine(Repo.Root, KnowledgeOptions.DefaultModelPath),
        });

        var summary = knowledge.Respond("what is this story about?", new ConversationMemory());
        Assert.Equal(ReplyKind.Summary, summary.Kind);
        Assert.Equal(1, summary.Citations[0].Sentence);
        Assert.Equal(ReplyKind.Greeting, knowledge.Respond("hi", new ConversationMemory()).Kind);

        using var baseline = new Bm25Baseline(knowledge.Stories);
        var answerable = set.Cases.Where(c => c.Kind == "answerable").ToList();
        bool Right(string? text, EvalCase c) => text is not null && (c.Support ?? new List<string>()).Any(s => text.Contains(s, StringComparison.Ordinal));
        var ranked = answerable.Count(c => Right(knowledge.Candidates(c.Question!, new ConversationMemory())?.FirstOrDefault()?.Profile.Sentence.Text, c));
        var bm25 = answerable.Count(c => Right(baseline.Top(c.Question!)?.Text, c));
        _output.WriteLine($"{folder}: scorer's first-ranked sentence right {ranked}/{answerable.Count}, plain BM25 top-1 {bm25}/{answerable.Count}");
        Assert.True(ranked >= bm25, $"{folder}: scorer top-1 {ranked} < BM25 top-1 {bm25} of {answerable.Count}");

        var configuration = new ConfigurationBuilder().SetBasePath(Repo.Root).AddJsonFile("appsettings.json")
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Story:IndexPath"] = index.Path + "-host" }).Build();
        var report = await EvalService.RunAsync(set, configuration, Repo.Root);
        _output.WriteLine(report.Format(withFailures: false));
        Assert.True(report.Rate("smalltalk") >= 0.8, $"{folder}: smalltalk {report.Rate("smalltalk"):P1}");
    }
}
