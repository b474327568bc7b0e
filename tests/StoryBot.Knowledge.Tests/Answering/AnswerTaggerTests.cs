using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>
/// Money amounts come out whole, so the bold answer to "how much has Iowa already spent?" is "$280 million", not the
/// "$2" that is enough to tell a sentence mentions money.
/// </summary>
public sealed class AnswerTaggerTests
{
    [Theory]
    [InlineData("About $280 million of the infrastructure money has already been spent.", "$280 million")]
    [InlineData("Iowa offered the company $1.1 billion in state incentives.", "$1.1 billion")]
    [InlineData("jobs paying an average of at least $85,000 a year", "$85,000")]
    [InlineData("a fine of 40,000 euros", "40,000 euros")]
    [InlineData("a fine of 2.5 million dollars", "2.5 million dollars")]
    [InlineData("it cost € 12 to ride", "€ 12")]
    public void Money_IsTheWholeAmount(string sentence, string amount)
    {
        var (start, length) = Assert.Single(AnswerTagger.Money(sentence));

        Assert.Equal(amount, sentence.Substring(start, length));
    }

    [Fact]
    public void Money_NoneWithoutAnAmount() =>
        Assert.Empty(AnswerTagger.Money("The company said it would pay in dollars, not euros."));

    [Fact]
    public void Tags_StillSeeMoney() =>
        Assert.True(AnswerTagger.Tag("About $280 million has been spent.", Array.Empty<StoryBot.Knowledge.Analysis.EntityMention>()).HasFlag(AnswerTags.Money));

    /// <summary>
    /// A clock time, a season or a part of one is a time ("what time did the robbers get in" is answered by "between
    /// 2:10 a.m. and 2:40 a.m."), and so is a month news style shortens before its day ("on Sept. 12").
    /// </summary>
    [Theory]
    [InlineData("Police said the break-in happened between 2:10 a.m. and 2:40 a.m.", "2:10 a.m.")]
    [InlineData("The vote is set for 7 pm at city hall.", "7 pm")]
    [InlineData("The doors closed at 9:45 sharp.", "9:45")]
    [InlineData("The strike began at 4 o’clock Monday morning.", "4 o’clock")]
    [InlineData("The gallery will reopen in the spring.", "in the spring")]
    [InlineData("Results from the first 35 are expected by the end of the month.", "by the end of the month")]
    [InlineData("Borough officials shut down the three wells on Sept. 12 and drew water from a fourth.", "on Sept. 12")]
    [InlineData("The tests start Oct. 7 at the community center.", "Oct. 7")]
    [InlineData("The ransom is due by Jan. 5, 2027, the group said.", "by Jan. 5, 2027")]
    public void Times_IncludeClockTimesSeasonsAndShortenedMonths(string sentence, string time)
    {
        Assert.Contains(AnswerTagger.Times(sentence), t => sentence.Substring(t.Start, t.Length) == time);
        Assert.True(AnswerTagger.Tag(sentence, Array.Empty<StoryBot.Knowledge.Analysis.EntityMention>()).HasFlag(AnswerTags.Time));
    }

    [Fact]
    public void Times_NotAShortenedMonthAlone() =>
        Assert.Empty(AnswerTagger.Times("Dec. Harlan, the fire chief, said 40 homes burned."));

    [Fact]
    public void Times_NoneInAPlainCount() =>
        Assert.Empty(AnswerTagger.Times("The museum has 14 guards and 3 vans."));
}
