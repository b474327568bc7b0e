using StoryBot.Knowledge.Ingest;
using Xunit;

namespace StoryBot.Knowledge.Tests.Ingest;

/// <summary>
/// The rule-based splitter on the news-text traps the issue names (abbreviations, initials, dates,
/// quotes, "?!", decimals) and on the real story, whose 21 sentences the bot cites by number.
/// </summary>
public class SentenceSplitterTests
{
    [Theory]
    [InlineData("The U.S. military struck a base. Officials confirmed it.", "The U.S. military struck a base.", "Officials confirmed it.")]
    [InlineData("Mr. Trump met Mrs. May. They spoke for an hour.", "Mr. Trump met Mrs. May.", "They spoke for an hour.")]
    [InlineData("George W. Bush spoke first. Then Obama spoke.", "George W. Bush spoke first.", "Then Obama spoke.")]
    [InlineData("The vote was held on Jan. 5 in Ohio. It passed.", "The vote was held on Jan. 5 in Ohio.", "It passed.")]
    [InlineData("Growth was 3.5 percent last year. Prices rose 2.1 percent.", "Growth was 3.5 percent last year.", "Prices rose 2.1 percent.")]
    [InlineData("Is it true?! Nobody knows.", "Is it true?!", "Nobody knows.")]
    public void Split_TwoSentences_AroundTheTrap(string paragraph, string first, string second)
    {
        Assert.Equal(new[] { first, second }, SentenceSplitter.Split(paragraph));
    }

    [Fact]
    public void Split_SentenceEndingInsideCurlyQuotes_KeepsTheClosingQuote()
    {
        var sentences = SentenceSplitter.Split("He said, “Stop.” Then he left the room.");

        Assert.Equal(new[] { "He said, “Stop.”", "Then he left the room." }, sentences);
    }

    [Fact]
    public void Split_SentenceEndingInsideStraightQuotes_KeepsTheClosingQuote()
    {
        var sentences = SentenceSplitter.Split("She asked, \"Why now?\" Nobody answered.");

        Assert.Equal(new[] { "She asked, \"Why now?\"", "Nobody answered." }, sentences);
    }

    [Fact]
    public void Split_USAtTheEndOfASentence_EndsItWhenANewSentenceBegins()
    {
        var sentences = SentenceSplitter.Split("Lavrov flew to the U.S. The talks began on Wednesday.");

        Assert.Equal(new[] { "Lavrov flew to the U.S.", "The talks began on Wednesday." }, sentences);
    }

    [Fact]
    public void Split_AbbreviationsInOneSentence_StayWhole()
    {
        const string text = "Sen. John McCain and Gov. Jerry Brown met Dr. Smith at 10 a.m. on Feb. 3 in Washington, D.C., with the U.S.-led coalition.";

        Assert.Equal(new[] { text }, SentenceSplitter.Split(text));
    }

    [Fact]
    public void Split_TextWithoutFinalStop_KeepsTheTail()
    {
        Assert.Equal(new[] { "It ended.", "The tail has no stop" }, SentenceSplitter.Split("It ended. The tail has no stop"));
        Assert.Equal(new[] { "No stop at all" }, SentenceSplitter.Split("  No stop at all  "));
    }

    [Fact]
    public void Split_LowercaseAfterAStop_DoesNotStartASentence()
    {
        Assert.Equal(new[] { "The deadline was 5 p.m. sharp and no later." }, SentenceSplitter.Split("The deadline was 5 p.m. sharp and no later."));
    }

    [Fact]
    public void RealStory_Has21SentencesIn21Paragraphs_WithoutTheDateline()
    {
        var story = StoryLibrary.Load(TestFiles.RealStory).Single();

        Assert.Equal(21, story.Sentences.Count);
        Assert.Equal(21, story.ParagraphCount);
        Assert.Equal("AP, WASHINGTON", story.Dateline);
        Assert.DoesNotContain(story.Sentences, s => s.Text.Contains("AP, WASHINGTON", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 21), story.Sentences.Select(s => s.Number));
        Assert.Equal(Enumerable.Range(1, 21), story.Sentences.Select(s => s.Paragraph));
        Assert.All(story.Sentences, s => Assert.Equal("ap-2017-05-trump-lavrov", s.StoryId));
        Assert.StartsWith("US President Donald Trump was today scheduled", story.Sentences[0].Text);
        Assert.StartsWith("Trump on Tuesday abruptly fired FBI Director James Comey,", story.Sentences[7].Text);
        Assert.EndsWith("its various unanswered questions.", story.Sentences[20].Text);
    }

    [Fact]
    public void RealStory_KeepsCurlyQuotesAndApostrophes()
    {
        var story = StoryLibrary.Load(TestFiles.RealStory).Single();

        Assert.Equal("It would also signal that the two countries have improved ties that Trump recently described as being at an “all-time low.”", story.Sentences[1].Text);
        Assert.Contains("Putin’s top diplomat", story.Sentences[0].Text);
        Assert.Equal("After Tillerson visited Putin and Lavrov in Moscow on April 12, Trump said: “Right now we’re not getting along with Russia at all.”", story.Sentences[14].Text);
        Assert.DoesNotContain(story.Sentences, s => s.Text.Contains('"') || s.Text.Contains('\''));
    }
}
