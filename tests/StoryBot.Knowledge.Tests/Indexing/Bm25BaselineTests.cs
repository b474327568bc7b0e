using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Ingest;
using Xunit;

namespace StoryBot.Knowledge.Tests.Indexing;

/// <summary>The plain BM25 yardstick: the question's own words, nothing else.</summary>
public sealed class Bm25BaselineTests
{
    [Fact]
    public void Top_IsTheSentenceSharingTheQuestionsWords_AndNullWhenNoneDo()
    {
        var story = StoryParser.Parse("s", "The council approved a ferry line on Wednesday.\n\nThe mayor praised the vote.\n\nCritics said the boats were too expensive.");
        using var baseline = new Bm25Baseline(new[] { story });

        Assert.Equal(3, baseline.Top("were the boats expensive?")!.Number);
        Assert.Equal(2, baseline.Top("what did the mayor do")!.Number);
        Assert.Null(baseline.Top("xylophone quartz"));
        Assert.Null(baseline.Top("the a of"));
    }
}
