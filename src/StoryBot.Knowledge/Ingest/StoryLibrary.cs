using System.Text;

namespace StoryBot.Knowledge.Ingest;

/// <summary>
/// Loads the stories the bot serves: the story setting names either one file or a folder of
/// <c>*.txt</c> files (one story each, the file name being the story id). A configured title and source
/// apply to a single story; in a folder, a first line "Title: …" (and "Source: …") may name each story.
/// </summary>
public static class StoryLibrary
{
    /// <summary>Loads the stories at <paramref name="path"/>; throws <see cref="StoryLoadException"/> with one clear message.</summary>
    public static IReadOnlyList<Story> Load(string path, string? title = null, string? source = null)
    {
        if (File.Exists(path))
        {
            return new[] { LoadFile(path, title, source) };
        }

        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new StoryLoadException($"The story folder '{path}' holds no .txt stories.");
            }

            return files.Select(f => LoadFile(f, files.Count == 1 ? title : null, files.Count == 1 ? source : null)).ToList();
        }

        throw new StoryLoadException($"The story file '{path}' does not exist (setting Story:Path).");
    }

    private static Story LoadFile(string file, string? title, string? source)
    {
        string text;
        try
        {
            text = File.ReadAllText(file, new UTF8Encoding(false, true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new StoryLoadException($"The story file '{file}' cannot be read: {ex.Message}", ex);
        }

        var id = Path.GetFileNameWithoutExtension(file);
        var (headerTitle, headerSource, body) = ReadHeader(text);
        var story = StoryParser.Parse(id, body, title ?? headerTitle, source ?? headerSource);
        if (story.Sentences.Count == 0)
        {
            throw new StoryLoadException($"The story file '{file}' holds no sentences.");
        }

        return new Story(story.Id, story.Title, story.Source, story.Dateline, story.Sentences, StoryParser.Hash(text));
    }

    private static (string? Title, string? Source, string Body) ReadHeader(string text)
    {
        string? title = null, source = null;
        var lines = text.Split('\n').ToList();
        while (lines.Count > 0)
        {
            var line = lines[0].Trim();
            if (line.StartsWith("Title:", StringComparison.OrdinalIgnoreCase))
            {
                title = line[6..].Trim();
            }
            else if (line.StartsWith("Source:", StringComparison.OrdinalIgnoreCase))
            {
                source = line[7..].Trim();
            }
            else
            {
                break;
            }

            lines.RemoveAt(0);
        }

        return (title, source, string.Join('\n', lines));
    }
}
