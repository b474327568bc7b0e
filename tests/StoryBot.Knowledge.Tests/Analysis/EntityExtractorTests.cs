using StoryBot.Knowledge.Analysis;
using Xunit;

namespace StoryBot.Knowledge.Tests.Analysis;

/// <summary>
/// Who counts as a person when a story names someone only once and gives no title before the name: news
/// writing describes them in an appositive after it.
/// </summary>
public class EntityExtractorTests
{
    [Theory]
    [InlineData("“We saw it coming,” said Tomas Hale, the engineer who inspected the pier.", "Tomas Hale")]
    [InlineData("Ana Pereira, a 52-year-old teacher from Lisbon, said the ferry was late.", "Ana Pereira")]
    [InlineData("Marta Quill, the agency’s general manager, said the budget was short.", "Marta Quill")]
    public void NameMetOnce_WithAnAppositiveThatDescribesAPerson_IsAPerson(string sentence, string name)
    {
        var (entities, _) = EntityExtractor.Extract(new[] { "The council met on Monday.", sentence });

        var person = Assert.Single(entities, e => e.Kind == EntityKind.Person);
        Assert.Equal(name, person.Name);
    }

    [Theory]
    [InlineData("Marta Quill, the agency’s general manager, said the budget was short.", "the agency’s general manager")]
    [InlineData("Rosa Quintero, president of Local 509, said the offer was short.", "president of Local 509")]
    [InlineData("Marisol Vega, a home health aide who takes two buses, said she walked.", "a home health aide")] // the clause describes; the noun is the title
    public void TitleSetOffByCommasAfterTheName_IsThePersonsTitle(string sentence, string title)
    {
        var surname = sentence.Split(',')[0].Split(' ')[^1];
        var (entities, _) = EntityExtractor.Extract(new[] { "The council met on Monday.", sentence, "Later, " + surname + " spoke again." }); // named twice: a person without a title before the name

        var person = Assert.Single(entities, e => e.Kind == EntityKind.Person);
        Assert.Equal(title, person.Title);
        Assert.True(person.TitleAfterName);
    }

    [Fact]
    public void ClauseAfterTheName_IsNoTitle()
    {
        var (entities, _) = EntityExtractor.Extract(new[] { "Janet Kowalski, whose family has farmed here for years, said no.", "Later, Kowalski left." });

        Assert.Equal(string.Empty, Assert.Single(entities, e => e.Kind == EntityKind.Person).Title);
    }

    [Theory]
    [InlineData("Work moved to Nordvik Marine, a shipyard in Bergen, last year.")]
    [InlineData("Families left Alder Crossing, a quiet suburb, after the fire.")]
    [InlineData("Tomas Hale said the pier was unsafe.")] // no title, no appositive, named once: not enough to tell
    public void NameMetOnce_WithoutAPersonAppositive_IsNotAPerson(string sentence)
    {
        var (entities, _) = EntityExtractor.Extract(new[] { "The council met on Monday.", sentence });

        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Person);
    }

    [Fact]
    public void NameEndingInWhatItIs_IsOneOrganisation()
    {
        var (entities, mentions) = EntityExtractor.Extract(new[]
        {
            "Work will slow, according to the Central Iowa Building Trades Council.",
            "Paul Brandt, director of the Iowa Economic Development Authority, said no.",
            "Later, Brandt left.",
        });

        Assert.Contains(entities, e => e.Kind == EntityKind.Organization && e.Name == "Central Iowa Building Trades Council");
        Assert.Contains(mentions[0], m => m.Entity.Name == "Central Iowa Building Trades Council");
        Assert.Equal("Paul Brandt", Assert.Single(entities, e => e.Kind == EntityKind.Person).Name); // the authority is no person
    }

    /// <summary>"Which federal agency is investigating" is answered by a name that starts with what it is: "Department of Transportation".</summary>
    [Fact]
    public void NameStartingWithWhatItIs_IsOneOrganisation()
    {
        var (entities, mentions) = EntityExtractor.Extract(new[]
        {
            "The federal Department of Transportation said Tuesday it had opened an inquiry.",
            "Researchers at the University of the West said the tests were sound.",
        });

        Assert.Contains(entities, e => e.Kind == EntityKind.Organization && e.Name == "Department of Transportation");
        Assert.Contains(mentions[0], m => m.Entity.Name == "Department of Transportation");
        Assert.Contains(entities, e => e.Kind == EntityKind.Organization && e.Name == "University of the West");
    }

    /// <summary>"Board member", "council member": a member of a body is a title news writes before a name.</summary>
    [Fact]
    public void MemberBeforeAName_IsATitle()
    {
        var (entities, _) = EntityExtractor.Extract(new[] { "The council met on Monday.", "Board member Dennis Okafor said the cuts left the collection exposed." });

        var person = Assert.Single(entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("Dennis Okafor", person.Name);
        Assert.EndsWith("member", person.Title, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"Who" is said of people: a name met once with a "who" clause after it is a person, with no title.</summary>
    [Fact]
    public void NameMetOnce_WithAWhoClauseAfterIt_IsAPerson()
    {
        var (entities, _) = EntityExtractor.Extract(new[] { "The council met on Monday.", "Council member Tom Becker, who voted against the plan, said the money was wasted." });

        var person = Assert.Single(entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("Tom Becker", person.Name);
    }

    /// <summary>
    /// A name used twice is taken for a person unless an appositive says it is a thing: a suburb that also names its
    /// fire district is not someone.
    /// </summary>
    [Fact]
    public void NameUsedTwice_WithAnAppositiveThatDescribesAThing_IsNotAPerson()
    {
        var (entities, _) = EntityExtractor.Extract(new[]
        {
            "One of the worst fires broke out in Alder Crossing, a Portland suburb, where a bike ignited.",
            "Two residents were hospitalized, said Ramon Estrada, chief of the Alder Crossing Fire District.",
        });

        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Person && e.Name.Contains("Crossing", StringComparison.Ordinal));
    }

    /// <summary>
    /// A weekday or a month is capitalised every time a story names it, which is what makes a single capitalised word an
    /// organisation: without this, every sentence that says "Monday" answered "who …?".
    /// </summary>
    [Fact]
    public void WeekdayOrMonthNamedTwice_IsNoOrganisation()
    {
        var (entities, _) = EntityExtractor.Extract(new[]
        {
            "Drivers walked off the job on Monday and the line closed.",
            "Talks broke down late Monday, and the union said it would meet in January.",
            "A vote is set for January, and Vontra said it would answer.",
            "Later, Vontra declined to comment.",
            "The district noticed problems early Saturday, Oct. 12, and paid on Oct. 21.", // a shortened month ("who was superintendent" answered "Oct")
        });

        Assert.DoesNotContain(entities, e => e.Name is "Monday" or "January" or "Oct");
        Assert.Contains(entities, e => e.Name == "Vontra" && e.Kind == EntityKind.Organization);
    }

    [Fact]
    public void CapitalisedFirstWordOfASentence_IsNoPartOfAName()
    {
        var (entities, _) = EntityExtractor.Extract(new[] { "In Millbrook, a town of about 4,800 people, shops closed.", "Millbrook waited." });

        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Person);
    }

    /// <summary>
    /// A town no gazetteer knows is a place when the story says it is: its dateline, a known region after it, an
    /// appositive or "the town of"; a rare word WordNet calls a city. A person set off by a known country's possessive
    /// ("Lavrov, Russia’s top diplomat") is still no place, nor is a company the story never calls one, nor a common word
    /// that is also a town's name ("Mobile"), nor a name whose appositive only describes with a town word ("a community bank").
    /// </summary>
    [Fact]
    public void TownTheStorySaysIsAPlace_IsAPlace()
    {
        var (entities, _) = EntityExtractor.Extract(new[]
        {
            "Drivers walked off the job in Ashgrove on Monday.",
            "A fire broke out in Alder Crossing, a Portland suburb, on Friday.",
            "The plant near Millbrook, Iowa, will open late, and the town of Riverton waits.",
            "Sergey Lavrov, Russia’s top diplomat, met Quillon Cycles and Quillon Cycles again.",
            "The suit was filed in federal court in Seattle, and Mobile Power said it would answer.",
            "Neither Harrow, a community bank, nor Harrow Trust would comment.",
        }, dateline: "AP, ASHGROVE, Ohio");

        string? KindOf(string name) => entities.FirstOrDefault(e => e.Name == name)?.Kind.ToString();
        Assert.Equal("Place", KindOf("Ashgrove"));
        Assert.Equal("Place", KindOf("Alder Crossing"));
        Assert.Equal("Place", KindOf("Millbrook"));
        Assert.Equal("Place", KindOf("Riverton"));
        Assert.Equal("Place", KindOf("Seattle")); // WordNet files it under city
        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Place && (e.Name.Contains("Lavrov", StringComparison.Ordinal) || e.Name.Contains("Quillon", StringComparison.Ordinal) || e.Name.Contains("Mobile", StringComparison.Ordinal) || e.Name.Contains("Harrow", StringComparison.Ordinal)));
    }
}
