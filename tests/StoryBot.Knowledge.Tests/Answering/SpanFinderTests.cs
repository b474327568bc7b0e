using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>
/// Which words of the right sentence are bold when it holds several of the asked-for kind: the count that the
/// counted noun follows most closely, the amount (money or percentage) a "how much" asks for, the time nearest the
/// question's own words. Stories from the training pool in the repo, each served alone like <c>Story__Path</c>.
/// </summary>
public sealed class SpanFinderTests
{
    [Theory]
    [InlineData("transit-strike", "how many buses were idled by the strike", "640")] // not "About 4,200" bus drivers
    [InlineData("ebike-recall", "how many riders are suing quillon", "five")] // "one of five riders"
    [InlineData("chip-plant", "how much did corvane shares fall", "8 percent")] // not the $340 million loss
    public void SeveralNumbers_TheOneTheQuestionAsksForIsBold(string story, string question, string span)
    {
        using var index = new TempFolder();
        using var knowledge = StoryKnowledge.Load(new KnowledgeOptions
        {
            StoryPath = Path.Combine(TestFiles.Root, "eval", "train", story, "story.txt"),
            IndexPath = index.Path,
            ModelPath = TestFiles.Model,
        });

        var reply = knowledge.Respond(question, new ConversationMemory());

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(span, reply.Citations[0].Span);
    }
}
