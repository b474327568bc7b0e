using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Tests.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>
/// Smalltalk in the forms people type, recognised by the nearest example with the story's own sentences as the
/// alternative; off-topic questions stay questions (declined), and questions about the story stay questions.
/// The phrasings here are written for this test, not taken from any question set.
/// </summary>
public sealed class SmalltalkDetectorTests : IClassFixture<StoryKnowledgeTests.Loaded>
{
    private readonly StoryKnowledge _knowledge;

    public SmalltalkDetectorTests(StoryKnowledgeTests.Loaded loaded) => _knowledge = loaded.Knowledge;

    [Theory]
    [InlineData("heyy there", ReplyKind.Greeting)]
    [InlineData("thx a ton, really helped", ReplyKind.Thanks)]
    [InlineData("ok cya later", ReplyKind.Goodbye)]
    [InlineData("what should i ask u", ReplyKind.Help)]
    [InlineData("r u a real person", ReplyKind.About)]
    [InlineData("which football team won the league this year?", ReplyKind.NoAnswer)]
    [InlineData("who did trump fire", ReplyKind.Answer)]
    public void Message_GetsTheReplyKindAPersonWouldExpect(string message, ReplyKind expected)
    {
        Assert.Equal(expected, _knowledge.Respond(message, new ConversationMemory()).Kind);
    }
}
