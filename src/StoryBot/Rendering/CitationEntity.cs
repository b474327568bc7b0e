using Newtonsoft.Json.Linq;
using StoryBot.Knowledge.Answering;

namespace StoryBot.Rendering;

/// <summary>
/// The schema.org <c>Message</c> entity whose <c>Claim</c>s make Web Chat and Teams draw native citation
/// badges for the <c>[1]</c> markers in the text. Teams limits names to 80 and abstracts to 160
/// characters, keywords to 3 of at most 28 characters each, a message to 20 claims, and rejects
/// <c>appearance.text</c> without an Adaptive Card: there it carries a <see cref="CitationCard"/> with the
/// whole sentence; Web Chat shows the plain sentence in its citation modal.
/// </summary>
public static class CitationEntity
{
    public const int MaxName = 80;
    public const int MaxAbstract = 160;
    public const int MaxKeyword = 28;
    public const int MaxClaims = 20;
    public const string SchemaOrgMessage = "https://schema.org/Message";

    public static Microsoft.Bot.Schema.Entity Create(IReadOnlyList<Citation> citations, RenderTarget target, int paragraphs)
    {
        var claims = new JArray();
        for (var i = 0; i < citations.Count && i < MaxClaims; i++)
        {
            var c = citations[i];
            var appearance = new JObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = Truncate($"Paragraph {c.Paragraph} of {paragraphs} · {c.StoryTitle}", MaxName),
                ["abstract"] = Truncate(c.Text, MaxAbstract),
            };
            if (target == RenderTarget.Markdown)
            {
                appearance["text"] = c.Text;
            }
            else
            {
                var keywords = new JArray($"paragraph {c.Paragraph}");
                if (!string.IsNullOrWhiteSpace(c.StorySource))
                {
                    keywords.Add(Truncate(c.StorySource, MaxKeyword));
                }

                appearance["keywords"] = keywords;
                appearance["encodingFormat"] = CitationCard.EncodingFormat; // the whole sentence, where the abstract cuts it
                appearance["text"] = CitationCard.Serialize(c, paragraphs);
            }

            claims.Add(new JObject { ["@type"] = "Claim", ["position"] = i + 1, ["appearance"] = appearance });
        }

        var entity = Root();
        entity.Properties["citation"] = claims;
        return entity;
    }

    /// <summary>The reply's root schema.org <c>Message</c> (<c>@id</c> "" is the activity itself), with nothing in it yet.</summary>
    public static Microsoft.Bot.Schema.Entity Root()
    {
        var entity = new Microsoft.Bot.Schema.Entity(SchemaOrgMessage);
        entity.Properties["@type"] = "Message";
        entity.Properties["@context"] = "https://schema.org";
        entity.Properties["@id"] = string.Empty;
        return entity;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters on a word boundary, with an ellipsis.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2)
        {
            cut = max - 1;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(CutPunctuation), "…");
    }

    /// <summary>What <see cref="Truncate"/> takes off before its ellipsis.</summary>
    private static readonly char[] CutPunctuation = [',', ';', ':', ' ', '—', '-'];
}
