using Newtonsoft.Json.Linq;
using StoryBot.Knowledge.Answering;
using StoryBot.Rendering;
using Xunit;

namespace StoryBot.Tests.Teams;

/// <summary>
/// The Adaptive Card in each Teams citation: the whole sentence (Teams' abstract stops at 160 characters),
/// the answer in bold, "Paragraph N of M", the story's title and source, valid against the official schema.
/// </summary>
[Collection(TeamsBotCollection.Name)]
public sealed class CitationCardTests
{
    private readonly StoryKnowledgeFixture _fixture;

    public CitationCardTests(StoryKnowledgeFixture fixture) => _fixture = fixture;

    [Fact]
    public void Every_sentence_of_the_story_becomes_a_card_the_official_schema_accepts_and_that_holds_it_whole()
    {
        var story = _fixture.Knowledge.Stories.Single();
        var citations = story.Sentences.Select(s => new Citation(story.Id, story.Title, story.Source, s.Paragraph, s.Number, s.Text, null)).ToList();
        Assert.True(citations.Count(c => c.Text.Length > CitationEntity.MaxAbstract) >= 9, "the AP story has 9 sentences the abstract cuts");

        var entity = JObject.FromObject(CitationEntity.Create(citations, RenderTarget.TeamsChat, story.ParagraphCount));
        var cards = Wire.Claims(entity).Select(c => (string)c["appearance"]!["text"]!).ToList();

        var result = ManifestValidator.ValidateAdaptiveCards(cards);
        Assert.True(result.IsValid, result.Output);
        foreach (var (card, citation) in cards.Zip(citations))
        {
            var texts = JObject.Parse(card)["body"]!.Select(b => (string)b["text"]!).ToList();
            Assert.Equal($"Paragraph {citation.Paragraph} of {story.ParagraphCount}", texts[0]);
            Assert.Equal(citation.Text, texts[1]); // whole, not cut at 160 (the AP story has no Markdown characters)
            Assert.Equal($"{story.Title} · {story.Source}", texts[2]);
        }
    }

    [Fact]
    public async Task A_Teams_answer_carries_the_card_with_the_answer_in_bold_beside_the_short_abstract()
    {
        using var bot = new TeamsBot(_fixture);
        var reply = Assert.Single(await bot.ReceiveAsync("personal-message", "who did Trump fire?"));

        var appearance = (JObject)Wire.Claims(Assert.Single(Wire.Entities(reply, Wire.SchemaOrgMessage)))[0]["appearance"]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)appearance["encodingFormat"]);
        Assert.EndsWith("…", (string?)appearance["abstract"]); // kept for clients that ignore the card
        var card = (string)appearance["text"]!;
        Assert.Contains("Trump on Tuesday abruptly fired FBI Director **James Comey**, dramatically ousting", card);
        Assert.Contains("in the midst of the bureau’s investigation into Trump’s ties with Russia.", card);
        Assert.True(ManifestValidator.ValidateAdaptiveCards([card]).IsValid);
    }

    [Fact]
    public void Markdown_characters_in_a_story_are_escaped_so_the_card_shows_them_as_written()
    {
        var citation = new Citation("s", "A *starred* title", "Wire_Service", 2, 3, "Prices rose 5*3 [sic] percent.", "5*3", 12);

        var body = CitationCard.Create(citation, 7)["body"]!;

        Assert.Equal(@"Prices rose **5\*3** \[sic\] percent.", (string?)body[1]!["text"]);
        Assert.Equal(@"A \*starred\* title · Wire\_Service", (string?)body[2]!["text"]);
    }

    [Fact]
    public void The_schema_check_rejects_a_card_that_breaks_the_schema()
    {
        var broken = new JObject { ["type"] = "AdaptiveCard", ["version"] = "1.0", ["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["wrap"] = "yes" }) };
        var noVersion = new JObject { ["type"] = "AdaptiveCard", ["body"] = new JArray() };

        Assert.False(ManifestValidator.ValidateAdaptiveCards([broken.ToString()]).IsValid);
        var result = ManifestValidator.ValidateAdaptiveCards([noVersion.ToString()]);
        Assert.False(result.IsValid);
        Assert.Contains("version", result.Output);
    }
}
