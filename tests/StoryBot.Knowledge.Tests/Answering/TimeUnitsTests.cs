using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>
/// A sentence dated otherwise than the question does not hold what it asks: "what happened at the hearing on tuesday" is
/// not answered by "In a Senate hearing on Monday". A sentence with no date, or with the asked one among others, may.
/// </summary>
public sealed class TimeUnitsTests
{
    [Theory]
    [InlineData("what happened at the senate hearing on tuesday", "In a US Senate hearing on Monday, Yates said she warned them.", true)]
    [InlineData("what happened at the senate hearing on tuesday", "Yates said on Monday and again on Tuesday that she warned them.", false)]
    [InlineData("what happened at the senate hearing on tuesday", "Yates said she warned the White House.", false)]
    [InlineData("how many workers were laid off in march", "The plant cut 400 jobs in June.", true)]
    [InlineData("how many workers were laid off in march", "The plant cut 400 jobs on March 3.", false)]
    [InlineData("who may have leaked the memo", "The memo was leaked in June, officials said.", false)] // "may" is a verb here
    [InlineData("what did the council decide", "The council voted on Wednesday.", false)]
    public void Contradicts_OnlyWhenTheSentenceNamesOtherDaysOrMonths(string question, string sentence, bool contradicts) =>
        Assert.Equal(contradicts, TimeUnits.Contradicts(question, sentence));
}
