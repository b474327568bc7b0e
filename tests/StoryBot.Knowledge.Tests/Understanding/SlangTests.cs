using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>
/// Chat shorthand as people type it: written out for the rules and for the smalltalk check's embedding, interjections
/// carrying nothing, and the words a story may use ("U.S.") left alone.
/// </summary>
public sealed class SlangTests
{
    [Theory]
    [InlineData("who r u", "who are you")]
    [InlineData("gtg", "got to go")]
    [InlineData("tysm", "thank you so much")]
    [InlineData("idk what to ask lol", "i don't know what to ask lol")] // the rules still see the "lol"
    [InlineData("who did trump fire", "who did trump fire")]
    public void Rules_ReadShorthandWrittenOut(string normalized, string expected)
    {
        Assert.Equal(expected, Slang.WriteOut(normalized));
    }

    [Theory]
    [InlineData("dunno what to ask lol", "don't know what to ask")]
    [InlineData("um, who r u?", "who are you?")]
    [InlineData("lol", "lol")] // nothing else is said: the interjection is the message
    [InlineData("What did the U.S. say?", "What did the U.S. say?")]
    [InlineData("who's Sally Yates?", "who's Sally Yates?")]
    public void Embedding_ReadsShorthandWrittenOut_AndInterjectionsLeftOut(string text, string expected)
    {
        Assert.Equal(expected, Slang.ForEmbedding(text));
    }

    /// <summary>The word search writes out news shorthand, drops interjections and reads chat shorthand as typed.</summary>
    [Fact]
    public void WordSearch_WritesOutNewsShorthand_DropsInterjections_KeepsChatShorthand()
    {
        Assert.Equal("government", Slang.Expand("govt"));
        Assert.Equal(string.Empty, Slang.Expand("lol"));
        Assert.True(Slang.IsInterjection("haha"));
        Assert.Equal("kinda", Slang.Expand("kinda"));
        Assert.Equal("gm", Slang.Expand("gm")); // "what does the gm say": a general manager
        Assert.Equal("trump", Slang.Expand("trump"));
    }

    [Theory]
    [InlineData("gm", "good morning")]
    [InlineData("what does the gm say", "what does the gm say")]
    public void ShorthandThatIsAlsoANewsAcronym_IsWrittenOutOnlyAlone(string normalized, string expected)
    {
        Assert.Equal(expected, Slang.WriteOut(normalized));
    }
}
