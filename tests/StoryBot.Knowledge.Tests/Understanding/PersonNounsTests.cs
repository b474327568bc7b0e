using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>Which nouns count people, so that "how many people …" is answered by a count of visitors or passengers.</summary>
public sealed class PersonNounsTests
{
    [Theory]
    [InlineData("visitors", true)] // WordNet: visitor → traveler → person
    [InlineData("passengers", true)]
    [InlineData("employees", true)]
    [InlineData("workers", true)] // the word lists' group nouns
    [InlineData("guys", true)] // the word lists' everyday nouns for a person
    [InlineData("missiles", false)]
    [InlineData("buses", false)]
    [InlineData("pieces", false)] // "piece" reaches "individual" only three steps up
    [InlineData("qwertyish", false)] // not English
    public void Noun_CountsPeople_WhenItIsAKindOfPerson(string word, bool people) =>
        Assert.Equal(people, PersonNouns.IsPeople(word));
}
