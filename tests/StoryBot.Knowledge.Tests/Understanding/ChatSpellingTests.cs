using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>
/// A short chat message typed in a hurry is read as what was meant ("thnaks" → thanks, "helo" → hello), and nothing
/// that is a word, a name or part of a longer question is touched.
/// </summary>
public sealed class ChatSpellingTests
{
    [Theory]
    [InlineData("thnaks", "thanks")] // two letters swapped
    [InlineData("helo", "hello")] // a double letter typed once: hello, not help (one edit away too)
    [InlineData("hlep", "help")]
    [InlineData("gooodbye", "goodbye")]
    public void MisspeltChatWord_IsTheExampleWordMeant(string typed, string meant)
    {
        Assert.Equal(meant, ChatSpelling.Fix(typed));
    }

    [Theory]
    [InlineData("hell")] // an English word
    [InlineData("lavorv")] // a misspelt name: the story's typo fixes own it
    [InlineData("thx")] // shorthand, and too short to guess at
    [InlineData("the")]
    [InlineData("when")] // a question word, one edit from "then": "and when" asks when, it does not say "and then"
    [InlineData("where")]
    public void WordsThatAreNotChatTypos_AreLeftAlone(string typed)
    {
        Assert.Null(ChatSpelling.Fix(typed));
    }

    [Fact]
    public void OnlyShortMessages_AreSpeltRight()
    {
        Assert.Equal("thanks a lot", Slang.WriteOut("thnaks a lot"));
        Assert.Equal("helo there how are you", Slang.WriteOut("helo there how are you"));
        Assert.Equal("thanks!", Slang.ForEmbedding("thnaks!"));
    }
}
