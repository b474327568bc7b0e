using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

public class AnswerSelectorTests
{
    /// <summary>The calibrator's inputs as the LINQ projection built them before it became a loop.</summary>
    private static double[] PreviousConfidenceInputs(double[] features, double score, double probability, double margin) =>
        AnswerFeatures.ConfidenceNames.Select(name => name switch
        {
            AnswerFeatures.RankScore => score,
            AnswerFeatures.RankProbability => probability,
            AnswerFeatures.RankMargin => margin,
            _ => features[AnswerFeatures.IndexOf(name)],
        }).ToArray();

    [Fact]
    public void ConfidenceInputs_AreThoseOfThePreviousForm()
    {
        var random = new Random(11);
        for (var n = 0; n < 200; n++)
        {
            var features = Enumerable.Range(0, AnswerFeatures.Names.Count).Select(_ => random.NextDouble()).ToArray();
            var (score, probability, margin) = (random.NextDouble() * 4 - 2, random.NextDouble(), random.NextDouble() - 0.5);
            Assert.Equal(PreviousConfidenceInputs(features, score, probability, margin), AnswerSelector.ConfidenceInputs(features, score, probability, margin));
        }
    }

    [Fact]
    public void HasWord_SaysWhatSplitContainsSaid_ForEveryEvalQuestion()
    {
        var questions = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestFiles.Root, "eval"), "*.json", SearchOption.AllDirectories))
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            Strings(json.RootElement, questions);
        }

        var compared = 0;
        foreach (var question in questions)
        {
            var surface = question.ToLowerInvariant();
            var words = surface.Split(' ');
            foreach (var word in words.Concat(new[] { string.Empty, "trump", "lavrov", surface, words[0] + " " }))
            {
                Assert.Equal(surface.Split(' ').Contains(word), AnswerSelector.HasWord(surface, word));
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} compared");
    }

    private static void Strings(System.Text.Json.JsonElement element, List<string> into)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            into.Add(element.GetString()!);
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Strings(item, into);
            }
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Strings(property.Value, into);
            }
        }
    }
}
