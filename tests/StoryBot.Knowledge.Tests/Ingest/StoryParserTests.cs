using StoryBot.Knowledge.Ingest;
using Xunit;

namespace StoryBot.Knowledge.Tests.Ingest;

/// <summary>
/// Headlines and datelines (own line or inline "CITY (AP) —") are kept out of the citable sentences; CRLF files parse
/// like LF ones.
/// </summary>
public class StoryParserTests
{
    [Theory]
    [InlineData("PORTMOUTH (CL) — The council approved a ferry line.", "PORTMOUTH (CL)")]
    [InlineData("LONDON (Reuters) - The bank raised rates.", "LONDON (Reuters)")]
    [InlineData("RIVERTON, Ohio (AP) — Thieves broke into the museum.", "RIVERTON, Ohio (AP)")] // the state as written
    [InlineData("SAN JUAN, Puerto Rico (AP) — The storm hit at dawn.", "SAN JUAN, Puerto Rico (AP)")]
    public void InlineDateline_OfAnyAgency_IsNeverPartOfAnAnswerableSentence(string text, string dateline)
    {
        var story = StoryParser.Parse("s", text);

        Assert.Equal(dateline, story.Dateline);
        Assert.DoesNotContain(dateline.Split(' ')[0], story.Sentences[0].Text);
    }

    [Fact]
    public void InlineDateline_IsSeparatedFromTheFirstSentence()
    {
        var story = StoryParser.Parse("s", "WASHINGTON (AP) — President Trump fired the FBI director on Tuesday. The move surprised Congress.\n\nDemocrats called for an inquiry.");

        Assert.Equal("WASHINGTON (AP)", story.Dateline);
        Assert.Equal(
            new[] { "President Trump fired the FBI director on Tuesday.", "The move surprised Congress.", "Democrats called for an inquiry." },
            story.Sentences.Select(s => s.Text));
        Assert.Equal(new[] { 1, 1, 2 }, story.Sentences.Select(s => s.Paragraph));
        Assert.Equal(new[] { 1, 2, 3 }, story.Sentences.Select(s => s.Number));
    }

    [Fact]
    public void DatelineOnItsOwnLine_IsNotAParagraph()
    {
        var story = StoryParser.Parse("s", "AP, WASHINGTON\n\nThe first paragraph.\n\nThe second paragraph.");

        Assert.Equal("AP, WASHINGTON", story.Dateline);
        Assert.Equal(2, story.ParagraphCount);
        Assert.Equal("The first paragraph.", story.Sentences[0].Text);
    }

    [Fact]
    public void StoryWithoutDateline_KeepsItsFirstParagraph()
    {
        var story = StoryParser.Parse("s", "Trump met Lavrov at the White House.\n\nThey talked about Syria.");

        Assert.Null(story.Dateline);
        Assert.Equal(2, story.Sentences.Count);
        Assert.Equal("Trump met Lavrov at the White House.", story.Sentences[0].Text);
    }

    [Fact]
    public void CrlfInput_ParsesLikeLf_AndJoinsWrappedLines()
    {
        const string lf = "AP, WASHINGTON\n\nTrump met Lavrov\nat the White House. They talked.\n\nSyria was on the agenda.\n";
        var crlf = lf.Replace("\n", "\r\n");

        var fromLf = StoryParser.Parse("s", lf);
        var fromCrlf = StoryParser.Parse("s", crlf);

        Assert.Equal(fromLf.Sentences, fromCrlf.Sentences);
        Assert.Equal("AP, WASHINGTON", fromCrlf.Dateline);
        Assert.Equal(new[] { "Trump met Lavrov at the White House.", "They talked.", "Syria was on the agenda." }, fromCrlf.Sentences.Select(s => s.Text));
        Assert.DoesNotContain(fromCrlf.Sentences, s => s.Text.Contains('\r') || s.Text.Contains('\n'));
        Assert.Equal(new[] { 1, 1, 2 }, fromCrlf.Sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void ByteOrderMark_IsIgnored()
    {
        var story = StoryParser.Parse("s", "\uFEFFAP, WASHINGTON\r\n\r\nOne sentence here.");

        Assert.Equal("AP, WASHINGTON", story.Dateline);
        Assert.Equal("One sentence here.", story.Sentences.Single().Text);
    }

    [Theory]
    [InlineData("Thieves Take Silver From Ohio Museum\nRIVERTON, Ohio (AP) — Thieves broke in on Sunday. They took 14 pieces.")] // right above the dateline
    [InlineData("Thieves Take Silver From Ohio Museum\n\nRIVERTON, Ohio (AP) — Thieves broke in on Sunday. They took 14 pieces.")] // its own paragraph
    public void Headline_IsTheTitle_NotASentence(string text)
    {
        var story = StoryParser.Parse("s", text);

        Assert.Equal("Thieves Take Silver From Ohio Museum", story.Title);
        Assert.Equal("RIVERTON, Ohio (AP)", story.Dateline);
        Assert.Equal(new[] { "Thieves broke in on Sunday.", "They took 14 pieces." }, story.Sentences.Select(s => s.Text));
    }

    [Fact]
    public void ConfiguredTitle_WinsOverTheHeadline()
    {
        var story = StoryParser.Parse("s", "Museum Robbed\n\nThieves broke in on Sunday.", title: "Configured");

        Assert.Equal("Configured", story.Title);
        Assert.Equal("Thieves broke in on Sunday.", story.Sentences.Single().Text);
    }
}
