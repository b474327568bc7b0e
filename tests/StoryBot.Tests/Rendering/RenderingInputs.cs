namespace StoryBot.Tests.Rendering;

/// <summary>Real text to render: every line of the served story and of the eval stories, and Markdown-heavy edge cases.</summary>
internal static class RenderingInputs
{
    public static IEnumerable<string> Lines()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Root, "stories"), "*.txt", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Root, "eval"), "story.txt", SearchOption.AllDirectories));
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                yield return line;
            }
        }

        yield return string.Empty;
        yield return "*";
        yield return "a <b> & c [1]: `code` _x_ \\ # | ** __";
        yield return "— dash, semicolon; colon: end-";
        yield return new string('x', 200);
        yield return "word " + new string('y', 170);
    }
}
