using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>When a bold span gives an expected answer: the rule the eval report and the span model's labels share.</summary>
public sealed class SpanMatchTests
{
    [Theory]
    [InlineData("James Comey", "James Comey", true)]
    [InlineData("FBI Director James Comey", "James Comey", true)] // the span holds the answer
    [InlineData("Comey", "James Comey", true)] // the answer holds the span
    [InlineData("in January", "January", true)] // a leading preposition does not count
    [InlineData("“hoax”", "a hoax", true)] // nor quotes or an article
    [InlineData("on Monday", "in January", false)]
    [InlineData("", "January", false)]
    [InlineData("the", "the White House", false)] // nothing left once the article goes
    public void Matches_IgnoresCaseArticlesAndQuotes_AndCountsContainment(string span, string answer, bool expected)
    {
        Assert.Equal(expected, SpanMatch.Matches(span, answer));
    }
}
