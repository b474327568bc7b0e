using StoryBot.Knowledge.Indexing;
using Xunit;

namespace StoryBot.Knowledge.Tests.Indexing;

/// <summary>What the index's analyzer makes of a word: the question and the story must meet on the same term.</summary>
public sealed class StoryAnalyzerTests
{
    /// <summary>
    /// A "-ves" plural the suffix stemmer reads as a verb ("thieves" → thieve) meets its singular: "who is the thief?"
    /// finds "Thieves broke into the museum".
    /// </summary>
    [Theory]
    [InlineData("thieves", "thief")]
    [InlineData("knives", "knife")]
    [InlineData("wives", "wife")]
    [InlineData("said", "say")]
    public void IrregularForm_MeetsItsLemma(string form, string lemma)
    {
        var analyzer = StoryAnalyzer.ForIndex();

        Assert.Equal(analyzer.Terms(lemma), analyzer.Terms(form));
    }
}
