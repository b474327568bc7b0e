using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Shorthand people type, written out: news shorthand ("ppl", "govt") so a texting-style question meets the story's
/// words (word search, before stemming), and chat shorthand ("gtg", "who r u", "tysm") so the intent rules and the
/// smalltalk examples see plain English. Interjections ("lol", "um") are written out as nothing: they carry no content.
/// The list is data (<c>Data/shorthand.tsv</c>), one owner: this type.
/// </summary>
public static class Slang
{
    private static readonly Lazy<Dictionary<string, Entry>> Map = new(Load);

    /// <summary>
    /// The expansion of <paramref name="word"/> for the word search: news shorthand written out ("govt" → government),
    /// nothing for an interjection, and chat shorthand as typed ("kinda", "gtg": written out it is words the search drops).
    /// </summary>
    public static string Expand(string word) => !Map.Value.TryGetValue(word, out var entry) ? word : entry.Full.Length == 0 || entry.Use == Use.Everywhere ? entry.Full : word;

    /// <summary>Whether <paramref name="word"/> (lower case) is in the shorthand list at all.</summary>
    public static bool IsShorthand(string word) => Map.Value.ContainsKey(word);

    /// <summary>Whether <paramref name="word"/> (lower case) is an interjection: "lol", "haha", "um" say nothing about a story.</summary>
    public static bool IsInterjection(string word) => Map.Value.TryGetValue(word, out var entry) && entry.Full.Length == 0;

    // Where an entry is written out: everywhere (news shorthand), for the rules and the smalltalk check (chat), and
    // there only when it is the whole message (chat shorthand that is also a news acronym: "gm").
    private enum Use
    {
        Everywhere,
        Chat,
        Alone,
    }

    private readonly record struct Entry(string Full, Use Use);

    // The written-out form of a word of a message of `words` words, or null to keep it.
    private static string? WrittenOut(string word, int words) =>
        Map.Value.TryGetValue(word, out var entry) && entry.Full.Length > 0 && (entry.Use != Use.Alone || words == 1) ? entry.Full : null;

    /// <summary>
    /// <paramref name="normalized"/> (see <see cref="IntentClassifier.Normalize"/>: lower case, one space between words)
    /// with every shorthand word written out and interjections kept, for the intent and question-type rules: "who r u"
    /// → "who are you", "lol" stays (it is an acknowledgement on its own). The same string when nothing changes.
    /// </summary>
    public static string WriteOut(string normalized)
    {
        if (normalized.Length == 0)
        {
            return normalized;
        }

        var words = normalized.Split(' ');
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            if ((WrittenOut(words[i], words.Length) ?? (words.Length <= ChatSpelling.MaxWords ? ChatSpelling.Fix(words[i]) : null)) is { } full)
            {
                words[i] = full;
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : normalized;
    }

    /// <summary>
    /// <paramref name="text"/> as the embedding model should read it: shorthand written out and interjections left
    /// out while other words remain ("dunno what to ask lol" → "don't know what to ask"), case and punctuation kept.
    /// A word is a run of letters or digits not joined to another by an apostrophe, a hyphen or a dot ("U.S." stays).
    /// The same string when nothing changes.
    /// </summary>
    public static string ForEmbedding(string text)
    {
        // The message's word count matters only to shorthand written out when alone ("gm"), so it is counted only then:
        // this runs on every question.
        int? count = null;
        var rewritten = WordPattern.Replace(text, m =>
        {
            if (!Map.Value.TryGetValue(m.Value.ToLowerInvariant(), out var entry))
            {
                count ??= WordPattern.Count(text);
                return count <= ChatSpelling.MaxWords && ChatSpelling.Fix(m.Value.ToLowerInvariant()) is { } spelt ? spelt : m.Value;
            }

            if (entry.Full.Length == 0)
            {
                return string.Empty;
            }

            count ??= entry.Use == Use.Alone ? WordPattern.Count(text) : null;
            return entry.Use != Use.Alone || count == 1 ? entry.Full : m.Value;
        });
        if (ReferenceEquals(rewritten, text) || rewritten == text)
        {
            return text;
        }

        var tidy = Spaces.Replace(SpaceBeforePunctuation.Replace(rewritten, "$1"), " ").Trim().TrimStart(',', '.', ';', ':', ' ');
        return tidy.Any(char.IsLetterOrDigit) ? tidy : text; // "lol" alone is the message itself
    }

    private static readonly Regex WordPattern = new(
        @"(?<![\p{L}\p{N}'’\-.])[\p{L}\p{N}]+(?![\p{L}\p{N}'’\-]|\.[\p{L}\p{N}])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex Spaces = new(@"\s{2,}", RegexOptions.Compiled);

    private static readonly Regex SpaceBeforePunctuation = new(@"\s+([,.!?])", RegexOptions.Compiled);

    private static Dictionary<string, Entry> Load()
    {
        using var stream = typeof(Slang).Assembly.GetManifestResourceStream("StoryBot.Knowledge.shorthand.tsv")
            ?? throw new InvalidOperationException("The shorthand list is missing from the build.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            var use = parts.Length < 3 ? Use.Everywhere : parts[2] switch { "chat" => Use.Chat, "alone" => Use.Alone, _ => (Use)(-1) };
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || use < 0 || !map.TryAdd(parts[0], new Entry(parts[1].Trim(), use)))
            {
                throw new InvalidDataException($"Bad shorthand line: '{line}'.");
            }
        }

        return map;
    }
}
