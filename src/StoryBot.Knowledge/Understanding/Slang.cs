namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Chat shorthand people type ("ppl", "govt", "admin", "intel") mapped to the words a story uses, before stemming,
/// so a texting-style question meets the story's wording. The list is data (<c>Data/shorthand.tsv</c>), one owner:
/// this type.
/// </summary>
public static class Slang
{
    private static readonly Lazy<Dictionary<string, string>> Map = new(Load);

    /// <summary>The expansion of <paramref name="word"/>, or the word itself.</summary>
    public static string Expand(string word) => Map.Value.TryGetValue(word, out var full) ? full : word;

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(Slang).Assembly.GetManifestResourceStream("StoryBot.Knowledge.shorthand.tsv")
            ?? throw new InvalidOperationException("The shorthand list is missing from the build.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || !map.TryAdd(parts[0], parts[1].Trim()))
            {
                throw new InvalidDataException($"Bad shorthand line: '{line}'.");
            }
        }

        return map;
    }
}
