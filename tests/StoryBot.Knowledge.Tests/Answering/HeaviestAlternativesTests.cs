using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>
/// The query's wordings are picked by <see cref="AnswerSelector.Heaviest"/> instead of LINQ, for speed only: it must
/// pick what a stable <c>OrderByDescending(a => a.Weight).Take(k)</c> picked, in that order, ties included, or the
/// Lucene candidates (and so the answers) would change.
/// </summary>
public sealed class HeaviestAlternativesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Heaviest_PicksWhatAStableOrderByDescendingTakePicks(int k)
    {
        var random = new Random(k);
        float[] weights = { 1f, 0.95f, 0.8f, 0.75f, 0.45f };
        Span<int> into = stackalloc int[k];
        for (var trial = 0; trial < 500; trial++)
        {
            var alternatives = Enumerable.Range(0, random.Next(0, 9))
                .Select(i => new QueryAlternative(new[] { "w" + i }, weights[random.Next(weights.Length)]))
                .ToArray();
            var expected = alternatives.OrderByDescending(a => a.Weight).Take(k).Select(a => a.Stems[0]).ToArray();

            var count = AnswerSelector.Heaviest(alternatives, into);

            Assert.Equal(expected, into[..count].ToArray().Select(i => alternatives[i].Stems[0]).ToArray());
        }
    }
}
