using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace StoryBot.Bots;

/// <summary>
/// The question inside a message: the bot's @mention removed wherever it stands (also when the mention
/// entity's text is null), HTML tags and entities that Teams adds stripped, whitespace collapsed, and
/// very long input cut to a sane length.
/// </summary>
public static partial class MessageText
{
    public const int MaxLength = 1000;

    [GeneratedRegex(@"<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static string Clean(IMessageActivity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var mention in activity.GetMentions().Where(m => m.Mentioned?.Id == activity.Recipient?.Id))
        {
            if (!string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        if (activity.ChannelId == "msteams")
        {
            text = AtTag().Replace(text, " "); // a mention whose entity text was null
            text = Tag().Replace(text, " ");
            text = System.Net.WebUtility.HtmlDecode(text);
        }

        text = new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray());
        text = Spaces().Replace(text, " ").Trim();
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }
}
