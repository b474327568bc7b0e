using StoryBot.Evaluation;
using StoryBot.Tests.Teams;
using Xunit;

namespace StoryBot.Tests.Evaluation;

/// <summary>Which story a question set is about: its own story.txt, the story file its article names, or the configured one.</summary>
public sealed class EvalSetTests
{
    [Fact]
    public void ArticleNamingAStoryElsewhere_IsTheSetsStory()
    {
        using var folder = new TempDir();
        Directory.CreateDirectory(folder.File("story"));
        Directory.CreateDirectory(folder.File("probe"));
        File.WriteAllText(folder.File(Path.Combine("story", "story.txt")), "A ferry line opens.");
        var set = folder.File(Path.Combine("probe", "questions.json"));
        File.WriteAllText(set, """{"article": "../story/story.txt", "cases": [{"id": "p1", "kind": "unanswerable", "question": "how much is a ticket"}]}""");

        Assert.Equal(Path.GetFullPath(folder.File(Path.Combine("story", "story.txt"))), EvalSet.Load(set).StoryPath);
    }

    [Fact]
    public void ArticleThatIsNoFile_LeavesTheConfiguredStory()
    {
        using var folder = new TempDir();
        var set = folder.File("questions.json");
        File.WriteAllText(set, """{"article": "ap-2017-05-trump-lavrov.txt", "cases": [{"id": "p1", "kind": "unanswerable", "question": "how much is a ticket"}]}""");

        Assert.Null(EvalSet.Load(set).StoryPath);
    }
}
