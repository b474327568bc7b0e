using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>
/// The semantic candidates and ranks come from <see cref="SemanticOrder"/> instead of sorting every sentence, for speed
/// only: the first documents and each document's rank must be exactly those of the stable
/// <c>Where(eligible).OrderByDescending(cosine)</c> that answering used, ties and non-sentence documents included, or the
/// candidates and the semantic-rank features (and so the answers) would change.
/// </summary>
public sealed class SemanticOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(40)]
    public void TopAndRanks_AreThoseOfAStableOrderByDescending(int k)
    {
        var random = new Random(k);
        float[] levels = { 0.9f, 0.71f, 0.7f, 0.35f, 0.1f, -0.2f };
        Span<int> into = stackalloc int[k];
        for (var trial = 0; trial < 300; trial++)
        {
            var cosines = Enumerable.Range(0, random.Next(0, 30)).Select(_ => levels[random.Next(levels.Length)]).ToArray();
            var eligible = cosines.Select(_ => random.Next(5) > 0).ToArray();
            var order = Enumerable.Range(0, cosines.Length).Where(d => eligible[d]).OrderByDescending(d => cosines[d]).ToArray();

            var count = SemanticOrder.Top(cosines, eligible, into);

            Assert.Equal(order.Take(k), into[..count].ToArray());
            Assert.Equal(Enumerable.Range(0, order.Length), order.Select(d => SemanticOrder.RankOf(cosines, eligible, d)));
        }
    }
}
