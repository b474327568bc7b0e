using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>The shared word lists load from their data files, once, and hold general English only.</summary>
public sealed class WordListsTests
{
    [Fact]
    public void SpeechVerbs_HoldEveryForm_AndNoVerbThatDoesNotReportSpeech()
    {
        Assert.Contains("said", WordLists.SpeechVerbs);
        Assert.Contains("warned", WordLists.SpeechVerbs);
        Assert.DoesNotContain("studying", WordLists.SpeechVerbs);
        Assert.Matches(WordLists.SpeechVerb, "the minister told reporters");
        Assert.DoesNotMatch(WordLists.SpeechVerb, "they are studying the plan");
    }

    [Fact]
    public void ReasonMarkers_MatchPhrasesAcrossSpaces()
    {
        Assert.Matches(WordLists.ReasonMarker, "fired in  response to the attack");
        Assert.Matches(WordLists.ReasonMarker, "Because of the delay");
        Assert.DoesNotMatch(WordLists.ReasonMarker, "the response was quick");
    }

    [Fact]
    public void TypeWords_NameTheKindOfAnswer()
    {
        Assert.Contains("cost", WordLists.TypeWords(QuestionType.HowMuch));
        Assert.Contains("date", WordLists.TypeWords(QuestionType.When));
        Assert.Empty(WordLists.TypeWords(QuestionType.Why));
        Assert.Contains("rebels", WordLists.GroupNouns);
        Assert.Contains("Rebels", WordLists.GroupNouns);
    }
}
