using StoryBot.Knowledge.Ingest;
using Xunit;

namespace StoryBot.Knowledge.Tests.Ingest;

/// <summary>
/// A story names itself: its own <c>Title:</c> / <c>Source:</c> lines, else its file name and dateline. Serving another
/// story with <c>Story__Path</c> must never show the AP story's title in its citations.
/// </summary>
public class StoryLibraryTests
{
    [Fact]
    public void TheApStory_NamesItselfInItsFile()
    {
        var story = StoryLibrary.Load(TestFiles.RealStory).Single();

        Assert.Equal("Trump to meet Russia's top diplomat as Comey firing shakes Washington", story.Title);
        Assert.Equal("AP, Washington, May 2017", story.Source);
        Assert.DoesNotContain(story.Sentences, s => s.Text.StartsWith("Title:", StringComparison.Ordinal) || s.Text.StartsWith("Source:", StringComparison.Ordinal));
    }

    [Fact]
    public void AStoryWithoutAHeader_IsNamedByItsFileAndDateline_NotByAnotherStory()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "harbor-ferry.txt");
        File.WriteAllText(path, "PORTMOUTH (CL) — The council approved a ferry line on Monday.\n\nService starts in June.");

        var story = StoryLibrary.Load(path).Single();

        Assert.Equal("Harbor ferry", story.Title, ignoreCase: true);
        Assert.Equal("PORTMOUTH (CL)", story.Source);
    }

    [Fact]
    public void ConfiguredTitleAndSource_OverrideTheFile()
    {
        var story = StoryLibrary.Load(TestFiles.RealStory, "Lavrov visit", "AP").Single();

        Assert.Equal(("Lavrov visit", "AP"), (story.Title, story.Source));
    }
}
