using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Ingest;

/// <summary>
/// Turns a story's raw text into numbered sentences: recognises a headline (a first line that does not end like a
/// sentence, on its own or right above an inline dateline) and a dateline ("AP, WASHINGTON" on its own line, or
/// "WASHINGTON (AP) — " before the first paragraph), splits paragraphs on blank lines and sentences with
/// <see cref="SentenceSplitter"/>.
/// </summary>
public static partial class StoryParser
{
    // "WASHINGTON (AP) —", "PORTMOUTH (CL) —", "RIVERTON, Ohio (AP) —": a place in capitals (and its state or country as
    // written), any agency's short tag, a dash
    [GeneratedRegex(@"^(?<dateline>[A-Z][A-Z .,'’\-]{1,60}(?:,\s*[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,2})?\s*\((?:[A-Z][A-Za-z]{0,9})\)\s*[—–-])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex InlineDateline();

    /// <summary>The most words a headline has; a longer line without end punctuation is a wrapped sentence.</summary>
    private const int HeadlineMaxWords = 25;

    [GeneratedRegex(@"\r\n|\r")]
    private static partial Regex LineEndings();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    /// <summary>Parses <paramref name="text"/> as the story <paramref name="id"/>.</summary>
    public static Story Parse(string id, string text, string? title = null, string? source = null)
    {
        var normalized = LineEndings().Replace(text.TrimStart('\uFEFF'), "\n");
        var raw = BlankLines().Split(normalized).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        string? headline = null;
        var first = raw.Count > 0 ? Joined(raw[0]) : string.Empty;
        if (raw.Count > 1 && !IsDatelineParagraph(first) && IsHeadline(first))
        {
            headline = first; // a headline paragraph: "Thieves Take Prized Silver From Ohio Museum"
            raw.RemoveAt(0);
        }
        else if (raw.Count > 0 && raw[0].IndexOf('\n') is > 0 and var end && IsHeadline(raw[0][..end].Trim()) && InlineDateline().IsMatch(raw[0][(end + 1)..].TrimStart()))
        {
            headline = raw[0][..end].Trim(); // a headline line right above "RIVERTON, Ohio (AP) — …"
            raw[0] = raw[0][(end + 1)..];
        }

        var paragraphs = raw.Select(Joined).ToList();
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

        var resolvedTitle = string.IsNullOrWhiteSpace(title) ? headline ?? TitleFromId(id) : title!;
        var resolvedSource = string.IsNullOrWhiteSpace(source) ? (dateline ?? resolvedTitle) : source!;
        return new Story(id, resolvedTitle, resolvedSource, dateline, sentences, Hash(text));
    }

    /// <summary>A paragraph's lines joined into one (wrapped lines are one sentence).</summary>
    private static string Joined(string paragraph) => Regex.Replace(paragraph.Trim(), @"\s*\n\s*", " ");

    /// <summary>
    /// A headline is a short line that does not end like a sentence (no full stop, question mark, exclamation mark, colon
    /// or closing quote): it names the story and is not a sentence anyone asks about.
    /// </summary>
    internal static bool IsHeadline(string line)
    {
        if (line.Length == 0 || ".?!:;\"”’)".Contains(line[^1]))
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= 2 and <= HeadlineMaxWords;
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
