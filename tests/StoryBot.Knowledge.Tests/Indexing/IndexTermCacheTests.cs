using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Tests.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Indexing;

/// <summary>
/// The index chain's terms built from the exact terms are the index chain's terms of the text: for every eval
/// question (twice, so the second pass reads the cache) and for possessives, contractions, abbreviations,
/// irregular forms, stop words and other scripts; a term that does not analyse to itself sends the caller back
/// to the text.
/// </summary>
public sealed class IndexTermCacheTests
{
    private static readonly StoryAnalyzer Exact = StoryAnalyzer.Exact();
    private static readonly StoryAnalyzer Index = StoryAnalyzer.ForIndex();

    private static List<string> Derived(IndexTermCache cache, string text) =>
        cache.Of(Exact.Terms(text)) ?? Index.Terms(text);

    [Fact]
    public void Of_IsTheIndexChain_ForEveryEvalQuestion()
    {
        var cache = new IndexTermCache(Index);
        var texts = IntentClassifierTests.EvalQuestions().ToList();
        for (var round = 0; round < 2; round++)
        {
            foreach (var text in texts)
            {
                Assert.Equal(Index.Terms(text), Derived(cache, text));
            }
        }
    }

    [Theory]
    [InlineData("Trump’s aides said they'd met the U.S. envoy's staff")]
    [InlineData("Who didn't go? The children were running, wasn't it O'Neill's")]
    [InlineData("the of and a an it this that 3.5 1,000 2017")]
    [InlineData("rock'n'roll ``quoted´´ Москва's 東京 e-mail de-escalation")]
    [InlineData("")]
    public void Of_IsTheIndexChain(string text)
    {
        var cache = new IndexTermCache(Index);
        Assert.Equal(Index.Terms(text), Derived(cache, text));
        Assert.Equal(Index.Terms(text), Derived(cache, text));
    }

    [Fact]
    public void Of_GivesUp_WhenATermIsNotItsOwnAnalysis()
    {
        var cache = new IndexTermCache(Index);
        Assert.Null(cache.Of(new[] { "trump's" })); // the exact chain would drop the possessive: not an exact term
    }
}
