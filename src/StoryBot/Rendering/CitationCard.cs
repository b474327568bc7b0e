using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StoryBot.Knowledge.Answering;

namespace StoryBot.Rendering;

/// <summary>
/// The Adaptive Card a Teams citation carries in <c>appearance.text</c> (with <c>encodingFormat</c>
/// <c>application/vnd.microsoft.card.adaptive</c>): Teams shows only a 160-character abstract otherwise, which
/// cuts 9 of the AP story's 21 sentences. The card holds the whole sentence (the answer in bold), "Paragraph N
/// of M", and the story's title and source. Adaptive Card 1.0 elements only, so every Teams client renders it;
/// checked against the official schema (teams/validate-adaptive-card.mjs).
/// </summary>
public static class CitationCard
{
    public const string EncodingFormat = "application/vnd.microsoft.card.adaptive";

    public static JObject Create(Citation c, int paragraphs)
    {
        var body = new JArray
        {
            TextBlock($"Paragraph {c.Paragraph} of {paragraphs}", subtle: true, bold: true),
            TextBlock(Highlight(c)),
        };
        var origin = string.Join(" · ", new[] { c.StoryTitle, c.StorySource }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (origin.Length > 0)
        {
            body.Add(TextBlock(Plain(origin), subtle: true));
        }

        return new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.0",
            ["body"] = body,
        };
    }

    /// <summary>The card as the string <c>appearance.text</c> holds.</summary>
    public static string Serialize(Citation c, int paragraphs) => Create(c, paragraphs).ToString(Formatting.None);

    private static JObject TextBlock(string text, bool subtle = false, bool bold = false)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
            block["size"] = "small";
        }

        if (bold)
        {
            block["weight"] = "bolder";
        }

        return block;
    }

    /// <summary>The sentence with the answer span in Markdown bold (TextBlock renders <c>**</c>); story text is never read as Markdown.</summary>
    private static string Highlight(Citation c) => CitationSpan.Bold(c, Plain);

    /// <summary>Story text with the Markdown characters TextBlock would interpret backslash-escaped.</summary>
    private static string Plain(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '*' or '_' or '[' or ']' or '\\' or '`')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
