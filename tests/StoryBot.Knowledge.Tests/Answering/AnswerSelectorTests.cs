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
}
