using System.Text.Json;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Answering.Training;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering.Training;

/// <summary>
/// The train command's core on a small pool of two stories: it validates leave-one-story-out (a fold per story),
/// writes a model the bot can load, and gives the same file twice from the same data.
/// </summary>
public sealed class ScorerTrainerTests
{
    [Fact]
    public void Train_IsDeterministic_ValidatesPerStory_AndWritesALoadableModel()
    {
        using var folder = new TempFolder();
        var pool = Pool(folder, "harbor-ferry");

        var first = new ScorerTrainer(pool, TextWriter.Null).Train();
        var second = new ScorerTrainer(pool, TextWriter.Null).Train();
        var path = folder.Combine("model.json");
        first.Save(path);
        var again = folder.Combine("again.json");
        second.Save(again);

        Assert.Equal(File.ReadAllText(path), File.ReadAllText(again));
        var loaded = AnswerModel.Load(path);
        var folds = loaded.Training![AnswerModel.SemanticVariant].GetProperty("Folds").EnumerateArray().Select(f => f.GetProperty("Story").GetString()).ToList();
        Assert.Equal(new[] { "ap", "harbor-ferry" }, folds.Order());
        Assert.InRange(loaded.Variant(semantic: true).Threshold, 0.05, 0.95);
        Assert.True(loaded.Span!.Fits(SpanFeatures.Names.Count));
        Assert.True(loaded.Training!["span"].GetProperty("Cases").GetInt32() > 0, "the span model learns from the cases' expected answers");
    }

    [Fact]
    public void Train_WithoutExpectedAnswers_ShowsTheTypeRulesPick()
    {
        using var folder = new TempFolder();
        var pool = Pool(folder, "harbor-ferry")
            .Select(s => s with { Cases = s.Cases.Select(c => c with { Answers = null }).ToList() })
            .ToArray();
        using var log = new StringWriter();

        var model = new ScorerTrainer(pool, log).Train();

        Assert.Contains("span: no case has expected answers", log.ToString());
        var weighed = SpanFeatures.Names.Where((_, i) => model.Span!.Weights[i] != 0).ToList();
        Assert.Equal(SpanFeatures.Classes.Select(c => c + "." + SpanFeatures.Rule), weighed);
    }

    [Fact]
    public void Train_WithThreeStories_ReportsNestedValidation_AndFitsOnlyTheNamedFeatures()
    {
        using var folder = new TempFolder();
        var pool = Pool(folder, "harbor-ferry", "chip-plant");
        using var log = new StringWriter();

        var model = new ScorerTrainer(pool, log).Train();

        Assert.Contains("nested (each story left out of the whole fit)", log.ToString());
        var nested = model.Training![AnswerModel.SemanticVariant + "Nested"];
        Assert.Equal("all", nested.GetProperty("Story").GetString());
        Assert.InRange(nested.GetProperty("TopOne").GetDouble(), 0, 1);
        var ranker = model.Variant(semantic: true).Ranker.Weights;
        var weighed = AnswerFeatures.Names.Where((_, i) => ranker[i] != 0).ToList();
        Assert.NotEmpty(weighed);
        Assert.All(weighed, name => Assert.Contains(name, ScorerTrainer.RankerFeatures));
        var calibrator = model.Variant(semantic: true).Calibrator.Weights;
        Assert.All(AnswerFeatures.ConfidenceNames.Where((_, i) => calibrator[i] != 0), name => Assert.Contains(name, ScorerTrainer.CalibratorInputs));
    }

    [Fact]
    public void RankerOnlyCases_AreRankedOutOfFold_ButLeftOutOfTheCalibratorAndTheFigures()
    {
        using var folder = new TempFolder();
        var pool = Pool(folder, "harbor-ferry");
        var definitions = new TrainingCase("hf-def", "answerable", new[] { "who is elena ruiz" }, new[] { "Mayor Elena Ruiz" }) { RankerOnly = true };
        var withDefinitions = pool.Select(s => s.Group == "harbor-ferry" ? s with { Cases = s.Cases.Append(definitions).ToList() } : s).ToArray();

        var model = new ScorerTrainer(withDefinitions, TextWriter.Null).Train();
        var without = new ScorerTrainer(pool, TextWriter.Null).Train();

        var validation = model.Training![AnswerModel.SemanticVariant];
        Assert.Equal(1, validation.GetProperty("RankerOnlyCases").GetInt32());
        var answerable = validation.GetProperty("All").GetProperty("Answerable").GetInt32();
        Assert.Equal(without.Training![AnswerModel.SemanticVariant].GetProperty("All").GetProperty("Answerable").GetInt32(), answerable);
    }

    /// <summary>The AP story with the dev set, and each named story under eval/train with its questions.</summary>
    private static TrainingStory[] Pool(TempFolder folder, params string[] trainStories) =>
        trainStories
            .Select(name => Story(name, Path.Combine(TestFiles.Root, "eval", "train", name, "story.txt"), Path.Combine(TestFiles.Root, "eval", "train", name, "questions.json"), folder))
            .Prepend(Story("ap", TestFiles.RealStory, Path.Combine(TestFiles.Root, "eval", "dev", "questions.json"), folder))
            .ToArray();

    private static TrainingStory Story(string group, string storyPath, string questions, TempFolder folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(questions));
        var cases = json.RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() is "answerable" or "unanswerable" or "smalltalk")
            .Take(14)
            .Select(c => new TrainingCase(
                c.GetProperty("id").GetString()!,
                c.GetProperty("kind").GetString()!,
                new[] { c.GetProperty("question").GetString()! },
                c.TryGetProperty("support", out var support) ? support.EnumerateArray().Select(s => s.GetString()!).ToList() : new List<string>(),
                c.TryGetProperty("answers", out var answers) ? answers.EnumerateArray().Select(s => s.GetString()!).ToList() : null))
            .ToList();
        return new TrainingStory(group, new KnowledgeOptions { StoryPath = storyPath, IndexPath = folder.Combine("index-" + group), ModelPath = TestFiles.Model }, cases);
    }
}
