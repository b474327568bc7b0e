using StoryBot.Knowledge.Answering.Training;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering.Training;

public sealed class ListwiseRegressionTests
{
    [Fact]
    public void Fit_WeighsTheFeatureThatMarksTheRightCandidateUp_AndNoiseNearZero()
    {
        var random = new Random(7);
        var questions = new List<(double[][] X, bool[] Right)>();
        for (var q = 0; q < 200; q++)
        {
            var n = 4 + random.Next(6);
            var right = random.Next(n);
            var x = Enumerable.Range(0, n).Select(i => new[] { (i == right ? 1.0 : 0.0) + (random.NextDouble() * 1.2), random.NextDouble() - 0.5 }).ToArray();
            questions.Add((x, Enumerable.Range(0, n).Select(i => i == right).ToArray()));
        }

        var w = ListwiseRegression.Fit(questions, l2: 1.0);

        Assert.True(w[0] > 1, $"signal weight {w[0]}");
        Assert.True(Math.Abs(w[1]) < Math.Abs(w[0]) / 4, $"noise weight {w[1]} against {w[0]}");
        var firstRight = questions.Count(q => q.Right[Array.IndexOf(q.X, q.X.MaxBy(r => ListwiseRegression.Dot(w, r)))]);
        Assert.True(firstRight > 150, $"{firstRight} of 200 ranked right");
    }

    [Fact]
    public void Fit_StaysFinite_WhenARightCandidateScoresFarBelowTheRest()
    {
        var questions = new List<(double[][] X, bool[] Right)>
        {
            (new[] { new[] { 50.0 }, new[] { -50.0 } }, new[] { false, true }),
            (new[] { new[] { 1.0 }, new[] { 0.0 } }, new[] { true, false }),
        };

        var w = ListwiseRegression.Fit(questions, l2: 1.0);

        Assert.All(w, v => Assert.True(double.IsFinite(v)));
    }
}
