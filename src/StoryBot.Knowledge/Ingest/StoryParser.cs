using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Ingest;

/// <summary>
/// Turns a story's raw text into numbered sentences: recognises a dateline ("AP, WASHINGTON" on its own
/// line, or "WASHINGTON (AP) — " before the first paragraph), splits paragraphs on blank lines and
/// sentences with <see cref="SentenceSplitter"/>.
/// </summary>
public static partial class StoryParser
{
    // "WASHINGTON (AP) —", "PORTMOUTH (CL) —": a place in capitals, any agency's short tag, a dash
    [GeneratedRegex(@"^(?<dateline>[A-Z][A-Z .,'’\-]{1,60}\((?:[A-Z][A-Za-z]{0,9})\)\s*[—–-])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex InlineDateline();

    [GeneratedRegex(@"\r\n|\r")]
    private static partial Regex LineEndings();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    /// <summary>Parses <paramref name="text"/> as the story <paramref name="id"/>.</summary>
    public static Story Parse(string id, string text, string? title = null, string? source = null)
    {
        var normalized = LineEndings().Replace(text.TrimStart('\uFEFF'), "\n");
        var paragraphs = BlankLines().Split(normalized)
            .Select(p => Regex.Replace(p.Trim(), @"\s*\n\s*", " "))
            .Where(p => p.Length > 0)
            .ToList();

        string? dateline = null;
        if (paragraphs.Count > 0 && IsDatelineParagraph(paragraphs[0]))
        {
            dateline = paragraphs[0];
            paragraphs.RemoveAt(0);
        }
        else if (paragraphs.Count > 0 && InlineDateline().Match(paragraphs[0]) is { Success: true } m)
        {
            dateline = m.Groups["dateline"].Value.TrimEnd('—', '–', '-', ' ');
            paragraphs[0] = paragraphs[0][m.Length..];
        }

        var sentences = new List<StorySentence>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            foreach (var sentence in SentenceSplitter.Split(paragraphs[p]))
            {
                sentences.Add(new StorySentence(id, p + 1, sentences.Count + 1, sentence));
            }
        }

        var resolvedTitle = string.IsNullOrWhiteSpace(title) ? TitleFromId(id) : title!;
        var resolvedSource = string.IsNullOrWhiteSpace(source) ? (dateline ?? resolvedTitle) : source!;
        return new Story(id, resolvedTitle, resolvedSource, dateline, sentences, Hash(text));
    }

    /// <summary>A dateline is a short line without sentence punctuation, mostly in capitals.</summary>
    internal static bool IsDatelineParagraph(string paragraph)
    {
        if (paragraph.Length > 60 || paragraph.EndsWith('.') || paragraph.EndsWith('?') || paragraph.EndsWith('!'))
        {
            return false;
        }

        var words = paragraph.Split(new[] { ' ', ',', '—', '-' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6)
        {
            return false;
        }

        var capitalised = words.Count(w => w.Where(char.IsLetter).All(char.IsUpper));
        return capitalised * 2 > words.Length;
    }

    internal static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string TitleFromId(string id)
    {
        var words = id.Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        return text.Length == 0 ? id : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
