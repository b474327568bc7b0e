using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>
/// Which words of the right sentence are bold when it holds several of the asked-for kind: the count that the
/// counted noun follows most closely, the amount (money or percentage) a "how much" asks for, the time nearest the
/// question's own words; the one a passive question's verb acted on, not the one who acted; the title a "who is X?"
/// asks for. Stories from the training
/// pool in the repo, each served alone like <c>Story__Path</c>.
/// </summary>
public sealed class SpanFinderTests
{
    [Theory]
    [InlineData("transit-strike", "how many buses were idled by the strike", "640")] // not "About 4,200" bus drivers
    [InlineData("ebike-recall", "how many riders are suing quillon", "five")] // "one of five riders"
    [InlineData("chip-plant", "how much did corvane shares fall", "8 percent")] // not the $340 million loss
    [InlineData("chip-plant", "how much has iowa already spent", "$280 million")] // the whole amount, not "$2"
    [InlineData("ebike-recall", "where did the worst fire happen", "in Alder Crossing")] // a place no list knows, after "in"
    [InlineData("transit-strike", "who was asked to order the strikers back", "Harold Finch")]
    [InlineData("chip-plant", "whos the ceo", "Lena Hargrove")] // "CEO" is said "chief executive" in the story (news-synonyms.txt)
    [InlineData("transit-strike", "how many ppl ride the buses on a normal day", "roughly 310,000")] // people counted as riders, not the 4,200 drivers
    [InlineData("ebike-recall", "how many things are being recalled", "about 212,000")] // "things" counts whatever is counted
    [InlineData("ebike-recall", "who was hospitalized", "two residents")] // passive sentence, no name: the group before "were" // passive: past the judge's long title
    public void StoryFromThePool_TheAskedForSpanIsBold(string story, string question, string span) =>
        AssertBold(Path.Combine(TestFiles.Root, "eval", "train", story, "story.txt"), question, span);

    [Theory]
    [InlineData("who got fired from the fbi", "James Comey")] // "Trump … fired FBI Director James Comey": not Trump, not the FBI
    [InlineData("who got canned from the fbi?", "James Comey")] // the same verb said another way
    [InlineData("who was ousted as fbi director", "James Comey")]
    [InlineData("who was defeated last year", "Hillary Rodham Clinton")] // a passive sentence: the one before "was defeated"
    [InlineData("who fired comey", "Trump")] // the active question still asks for who acted
    public void PassiveWhoQuestion_TheOneActedOnIsBold(string question, string span) =>
        AssertBold(TestFiles.RealStory, question, span);

    [Theory]
    [InlineData("who is yates", "former acting US attorney general")] // not what she said after her name
    [InlineData("who is james comey", "FBI Director")]
    [InlineData("who is lavrov", "Russian Minister of Foreign Affairs")] // he is named in five sentences; this one says who he is
    [InlineData("whos lavrov again", "Russian Minister of Foreign Affairs")] // as people type it
    [InlineData("whats rex tillerson's job", "US Secretary of State")]
    [InlineData("remind me who kislyak is", "Russian Ambassador to the US")]
    [InlineData("what does putin do", "Russian President")]
    [InlineData("who is comy", "FBI Director")] // a misspelt name is still the person asked about
    public void DefinitionQuestion_TheTitleIsBold_NotAnotherPerson(string question, string span) =>
        AssertBold(TestFiles.RealStory, question, span);

    [Theory]
    [InlineData("transit-strike", "who is rosa quintero", "president of Local 509")] // a title after the name, set off by commas
    [InlineData("transit-strike", "whats lindqvist's job", "the authority’s general manager")]
    [InlineData("chip-plant", "what does whitcomb do", "the council’s president")]
    public void DefinitionQuestion_OnAStoryFromThePool_TheTitleAfterTheNameIsBold(string story, string question, string span) =>
        AssertBold(Path.Combine(TestFiles.Root, "eval", "train", story, "story.txt"), question, span);

    [Theory]
    [InlineData("what month did yates tell the senate hearing she warned trump's people", "in January")] // not the hearing's "on Monday", nearer the question's words
    [InlineData("which day was the senate hearing where yates spoke", "on Monday")]
    public void WhenQuestionNamingAUnit_TheTimeOfThatUnitIsBold(string question, string span) =>
        AssertBold(TestFiles.RealStory, question, span);

    [Theory]
    [InlineData("what month did it happen", "in January", true)]
    [InlineData("what month did it happen", "on Monday", false)]
    [InlineData("which year was she elected", "in 2016", true)]
    [InlineData("which year was she elected", "last year", true)]
    [InlineData("on what date did they meet", "April 12", true)]
    [InlineData("on what date did they meet", "in April", false)]
    public void TimeUnits_TellWhetherATimeNamesTheAskedUnit(string question, string time, bool names)
    {
        var unit = TimeUnits.Asked(question);

        Assert.NotNull(unit);
        Assert.Equal(names, TimeUnits.Names(time, unit));
    }

    [Theory]
    [InlineData("how much do they make an hour", "who now earn $29 an hour", true)]
    [InlineData("how much do they make an hour", "would cost $118 million over three years", false)]
    [InlineData("how many riders a day are expected", "about 6,000 passengers a day", true)]
    [InlineData("whats the authority's total yearly budget", "an annual budget of $300 million", true)]
    [InlineData("how much did it cost a year ago", "cost $5 million", true)] // "a year ago" is no rate
    public void Rates_TellWhetherASentenceStatesTheAskedRate(string question, string sentence, bool stated)
    {
        var unit = Rates.Asked(question);

        Assert.Equal(stated, unit is null || Rates.Stated(sentence, unit));
    }

    /// <summary>"Known as", "called": the name a naming phrase gives the noun, however far it stands from the noun.</summary>
    [Fact]
    public void NameQuestion_AnsweredByANamingPhrase_BoldsTheName() =>
        AssertBoldInStory(
            "KELLAND, Ore. (AP) — A regional airline canceled hundreds of flights over the weekend, officials said.\n\n"
            + "An overnight update to the airline’s crew-scheduling system, known internally as CrewLink, failed on Friday.\n\n"
            + "The airline said refunds would be paid within seven business days.",
            "what's the name of the crew-scheduling system",
            "CrewLink");

    /// <summary>Or by when it began: "since 1987" answers "how long has the company been there".</summary>
    [Fact]
    public void HowLongQuestion_AnsweredByWhenItBegan_BoldsTheSincePhrase() =>
        AssertBoldInStory(
            "HARLOW CREEK, Pa. (AP) — A chemical company must pay for bottled water, regulators said Tuesday.\n\n"
            + "Brenning, which has made coatings at the Harlow Creek plant since 1987, denied it was the only source.\n\n"
            + "The borough will hold a public meeting on Oct. 2.",
            "how long has brenning been operating in harlow creek",
            "since 1987");

    /// <summary>How long something lasts is often said by when it ends: "until at least Monday" answers "how long".</summary>
    [Fact]
    public void HowLongQuestion_AnsweredByWhenItEnds_BoldsTheUntilPhrase() =>
        AssertBoldInStory(
            "LAKEVILLE, Minn. (AP) — A burst pipe flooded the basement of the city library on Saturday, officials said.\n\n"
            + "The library will remain shut until at least Monday while crews dry the building.\n\n"
            + "The council will discuss the repair bill on March 3.",
            "how long will the library be shut",
            "until at least Monday");

    /// <summary>
    /// "Maria Lopez, the library's director": the title after her name says she runs the library, and "the library's" is
    /// whose director she is, not a role the question names, so "who runs the library" is answered with her name.
    /// </summary>
    [Fact]
    public void WhoRunsQuestion_TheDirectorNamedWithATitleAfterHerName_IsBold() =>
        AssertBoldInStory(
            "LAKEVILLE, Minn. (AP) — A burst pipe flooded the basement of the city library on Saturday, officials said.\n\n"
            + "Maria Lopez, the library's director, said about 3,000 books were damaged.\n\n"
            + "Lopez said the council will discuss the repair bill on March 3.",
            "who runs the library",
            "Maria Lopez");

    /// <summary>The first message <paramref name="question"/> about a story of <paramref name="storyText"/> is answered with <paramref name="span"/> bold.</summary>
    private static void AssertBoldInStory(string storyText, string question, string span)
    {
        using var folder = new TempFolder();
        var story = Path.Combine(folder.Path, "story.txt");
        File.WriteAllText(story, storyText);
        AssertBold(story, question, span);
    }

    /// <summary>The first message <paramref name="question"/> about the story at <paramref name="storyPath"/> is answered with <paramref name="span"/> bold.</summary>
    private static void AssertBold(string storyPath, string question, string span)
    {
        var reply = Ask(storyPath, question);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(span, reply.Citations[0].Span);
    }

    /// <summary>The reply to <paramref name="question"/> as the first message about the story at <paramref name="storyPath"/>, served alone.</summary>
    private static KnowledgeReply Ask(string storyPath, string question)
    {
        using var index = new TempFolder();
        using var knowledge = StoryKnowledge.Load(new KnowledgeOptions
        {
            StoryPath = storyPath,
            IndexPath = index.Path,
            ModelPath = TestFiles.Model,
        });

        return knowledge.Respond(question, new ConversationMemory());
    }
}
