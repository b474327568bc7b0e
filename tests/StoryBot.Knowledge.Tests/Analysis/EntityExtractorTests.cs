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
    [InlineData("Work moved to Nordvik Marine, a shipyard in Bergen, last year.")]
    [InlineData("Families left Alder Crossing, a quiet suburb, after the fire.")]
    [InlineData("Tomas Hale said the pier was unsafe.")] // no title, no appositive, named once: not enough to tell
    public void NameMetOnce_WithoutAPersonAppositive_IsNotAPerson(string sentence)
    {
        var (entities, _) = EntityExtractor.Extract(new[] { "The council met on Monday.", sentence });

        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Person);
    }
}
