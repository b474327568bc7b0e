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
    [InlineData("who did trump fire", ReplyKind.Answer)]
    public void Message_GetsTheReplyKindAPersonWouldExpect(string message, ReplyKind expected)
    {
        Assert.Equal(expected, _knowledge.Respond(message, new ConversationMemory()).Kind);
    }

    /// <summary>
    /// The detector's part for an off-topic question: it stays a question, for the scorer to weigh. (Whether the scorer
    /// then declines it is the calibrator's call: docs/quality.md lists this one among the answers that got worse.)
    /// </summary>
    [Fact]
    public void OffTopicQuestion_IsNotTakenForSmalltalk()
    {
        var kind = _knowledge.Respond("which football team won the league this year?", new ConversationMemory()).Kind;
        Assert.Contains(kind, new[] { ReplyKind.NoAnswer, ReplyKind.Answer });
    }
}
