using System.Text;
using System.Text.RegularExpressions;

namespace StoryBot.Benchmarks;

/// <summary>
/// Writes N stories for the scale benchmark into a folder: story 1 is the real story, the others are
/// realistic variations of it — its sentences recombined (shuffled, some dropped, some repeated from
/// elsewhere), every capitalised name replaced by a made-up one consistently within the story, and
/// numbers changed. So the vocabulary of ordinary words is shared, as across news stories, while names
/// and facts differ, and every dev question still searches all N stories.
/// </summary>
public static partial class SyntheticStories
{
    private static readonly string[] Onsets = { "b", "br", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "v", "w", "z", "ch", "sh" };
    private static readonly string[] Vowels = { "a", "e", "i", "o", "u", "ai", "ou", "ia" };
    private static readonly string[] Codas = { "", "n", "r", "s", "l", "k", "t", "m", "v", "sky", "son", "ov" };

    [GeneratedRegex(@"\b[A-Z][a-z]{2,}\b")]
    private static partial Regex Name();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    private static readonly HashSet<string> Keep = new(StringComparer.Ordinal)
    {
        "The", "It", "He", "She", "They", "His", "Her", "However", "Less", "After", "But", "In", "On", "At", "A", "An",
        "This", "That", "When", "While", "Tuesday", "Wednesday", "Monday", "Thursday", "Friday", "May", "President",
        "Secretary", "Director", "Minister", "State", "White", "House", "Foreign", "Affairs", "Ambassador",
    };

    /// <summary>Writes <paramref name="count"/> stories (the real one first) into a new folder and returns it.</summary>
    public static string Write(string realStoryPath, int count, string? folder = null)
    {
        folder ??= BenchSetup.TempFolder($"stories{count}");
        Directory.CreateDirectory(folder);
        var real = File.ReadAllText(realStoryPath);
        var paragraphs = real.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var dateline = paragraphs[0];
        var body = paragraphs.Skip(1).ToList();
        var (_, title, source) = BenchSetup.Story();
        File.WriteAllText(Path.Combine(folder, "story-000.txt"), $"Title: {title}\nSource: {source}\n\n{real}");
        for (var k = 1; k < count; k++)
        {
            var random = new Random(k * 7919);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            string Rename(Match m) => Keep.Contains(m.Value) ? m.Value : names.TryGetValue(m.Value, out var n) ? n : names[m.Value] = MadeUpName(random);
            var chosen = body.OrderBy(_ => random.Next()).Where(_ => random.NextDouble() > 0.2).ToList();
            chosen.AddRange(Enumerable.Range(0, random.Next(2, 6)).Select(_ => body[random.Next(body.Count)]));
            var text = new StringBuilder();
            text.Append("Title: ").Append(Name().Replace(title ?? "A story", Rename)).Append('\n');
            text.Append("Source: Synthetic ").Append(k).Append(", after ").Append(source).Append("\n\n");
            text.Append(Name().Replace(dateline, Rename)).Append("\n\n");
            foreach (var paragraph in chosen)
            {
                var renamed = Name().Replace(paragraph, Rename);
                renamed = Number().Replace(renamed, m => random.Next(2, 99).ToString(System.Globalization.CultureInfo.InvariantCulture));
                text.Append(renamed).Append("\n\n");
            }

            File.WriteAllText(Path.Combine(folder, $"story-{k:000}.txt"), text.ToString());
        }

        return folder;
    }

    private static string MadeUpName(Random random)
    {
        var syllables = random.Next(2, 4);
        var sb = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            sb.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
        }

        sb.Append(Codas[random.Next(Codas.Length)]);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }
}
