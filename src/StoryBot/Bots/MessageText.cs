using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace StoryBot.Bots;

/// <summary>
/// The question inside a message: the bot's @mention removed wherever it stands (also when the mention
/// entity's text is null or differs from the tag in the text), other people's mentions kept as their
/// plain names, HTML tags and entities that Teams adds stripped, whitespace collapsed, and very long
/// input cut to a sane length.
/// </summary>
public static partial class MessageText
{
    public const int MaxLength = 1000;

    [GeneratedRegex(@"<at(?:\s[^>]*)?>([^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"</?(?:b|i|u|s|em|strong|span|a|code)(?:\s[^>]{0,200})?>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static string Clean(IMessageActivity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botMentions = activity.GetMentions().Where(m => m.Mentioned?.Id == activity.Recipient?.Id).ToList();
        var unresolved = false;
        foreach (var mention in botMentions)
        {
            if (!string.IsNullOrEmpty(mention.Text) && text.Contains(mention.Text, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(mention.Text, " ", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                unresolved = true; // entity text null (or not as written in the text): find the tag below
            }
        }

        if (activity.ChannelId == "msteams")
        {
            text = StripAtTags(text, BotNames(activity, botMentions), unresolved);
            text = InlineTag().Replace(text, string.Empty); // "<b>fire</b>?" stays "fire?"
            text = Tag().Replace(text, " ");
            text = System.Net.WebUtility.HtmlDecode(text);
        }

        text = new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray());
        text = Spaces().Replace(text, " ").Trim();
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    private static HashSet<string> BotNames(IMessageActivity activity, IEnumerable<Mention> botMentions)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in botMentions.Select(m => m.Mentioned?.Name).Append(activity.Recipient?.Name))
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                names.Add(name.Trim().TrimStart('@'));
            }
        }

        return names;
    }

    /// <summary>
    /// Removes the bot's <c>&lt;at&gt;</c> tags (those naming the bot); someone else's mention becomes their
    /// plain name. When the bot's mention could not be matched by its entity text or by name, the first
    /// remaining tag is taken as the bot's: a message reaches the bot in a group only by mentioning it.
    /// </summary>
    private static string StripAtTags(string text, HashSet<string> botNames, bool unresolved)
    {
        var matches = AtTag().Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var isBot = matches.Select(m => botNames.Contains(m.Groups[1].Value.Trim().TrimStart('@'))).ToArray();
        if (unresolved && !isBot.Any(b => b))
        {
            isBot[0] = true;
        }

        var index = 0;
        return AtTag().Replace(text, m => isBot[index++] ? " " : " " + m.Groups[1].Value + " ");
    }
}
