using System.Buffers;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Answering;

namespace StoryBot.Rendering;

/// <summary>
/// Turns a channel-neutral <see cref="KnowledgeReply"/> into a message for one channel: the quoted
/// sentence with the answer span in bold, a citation marker and its reference (paragraph, story), the
/// native citation entity where the channel has one, suggested questions as buttons (three at most),
/// and the <c>storybot.reply</c> entity on every reply.
/// </summary>
public sealed class ReplyRenderer
{
    public const int MaxSuggestions = 3;

    private readonly StoryKnowledge _knowledge;

    /// <summary>The characters <see cref="Escape"/> changes.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create("<>&*_`[]\\#|");

    public ReplyRenderer(StoryKnowledge knowledge) => _knowledge = knowledge;

    public IMessageActivity Render(KnowledgeReply reply, RenderTarget target)
    {
        var citations = reply.Answered ? reply.Citations : Array.Empty<Citation>();
        var text = reply.Kind switch
        {
            ReplyKind.Greeting => Welcome(),
            ReplyKind.Help => Help(),
            ReplyKind.About => $"I'm StoryBot, a bot, not a person. I only know what {TitleReference()} says, and I answer by quoting it, so you can always check where an answer comes from.",
            ReplyKind.Thanks => "You're welcome! Ask me anything else about the story.",
            ReplyKind.Goodbye => "Bye! Come back any time you have a question about the story.",
            ReplyKind.Acknowledge => "Okay. What else would you like to know about the story?",
            ReplyKind.Reset => "Okay, let's start over. What would you like to know about the story?",
            ReplyKind.Summary => Quoted("In short, here is how the story begins:", citations, target),
            ReplyKind.More when reply.NothingToCite => "That's the end of the story: there is nothing more after the last sentence I quoted.",
            ReplyKind.More => Quoted("The story goes on:", citations, target),
            ReplyKind.Source when reply.NothingToCite => "I haven't quoted anything yet. Ask me a question about the story and I'll show where the answer comes from.",
            ReplyKind.Source => Quoted(SourceLead(citations[0]), citations, target),
            ReplyKind.Answer => Quoted(null, citations, target),
            ReplyKind.NoAnswer => Decline(reply, target),
            _ => string.Empty,
        };

        var activity = MessageFactory.Text(text);
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.Entities = new List<Entity>();
        if (citations.Count > 0 && target != RenderTarget.TeamsChannel)
        {
            activity.Entities.Add(CitationEntity.Create(citations, target, ParagraphCount(citations[0].StoryId)));
        }

        activity.Entities.Add(ReplyEntity.Create(reply));
        var suggestions = reply.Suggestions.Distinct().Take(MaxSuggestions).ToList();
        if (suggestions.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = suggestions.Select(s => new CardAction(ActionTypes.ImBack, s, value: s)).ToList(),
            };
        }

        return activity;
    }

    /// <summary>
    /// The welcome sent when a conversation starts. In a Teams group chat or channel the bot only hears
    /// messages that mention it, so <paramref name="mentionName"/> (the bot's name there) adds how to ask.
    /// </summary>
    public IMessageActivity RenderWelcome(RenderTarget target, string? mentionName = null)
    {
        var activity = Render(new KnowledgeReply { Kind = ReplyKind.Greeting, Suggestions = _knowledge.StarterQuestions }, target);
        if (!string.IsNullOrWhiteSpace(mentionName))
        {
            activity.Text = Welcome(mentionName);
        }

        return activity;
    }

    private string Welcome(string? mentionName = null) =>
        $"Hi, I'm StoryBot. I answer questions about {TitleReference()} and quote the sentence each answer comes from. " +
        (string.IsNullOrWhiteSpace(mentionName) ? string.Empty : $"Here, mention **@{Escape(mentionName)}** in your message so I see it. ") +
        "Ask me who, what, when, where or how many, or try one of these:";

    private string Help() =>
        $"Ask me anything about {TitleReference()}: who, what, when, where, why, how many. I reply with the sentence that answers it, the answer in **bold**, and where it stands in the story. " +
        "You can also say **tell me more** (the next sentence), **where does it say that?** (the full citation), **summary** or **start over**. " +
        "If the story doesn't cover something, I'll say so rather than guess.";

    private string TitleReference()
    {
        var stories = _knowledge.Stories;
        return stories.Count == 1 ? $"the story *{Escape(stories[0].Title)}* ({Escape(stories[0].Source)})" : $"{stories.Count} news stories";
    }

    private static string SourceLead(Citation c) =>
        $"That comes from paragraph {c.Paragraph}, sentence {c.Sentence}, of *{Escape(c.StoryTitle)}* ({Escape(c.StorySource)}):";

    private string Quoted(string? lead, IReadOnlyList<Citation> citations, RenderTarget target)
    {
        var sb = new StringBuilder(QuotedCapacity(lead, citations));
        if (lead is not null)
        {
            sb.Append(lead).Append("\n\n");
        }

        for (var i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            sb.Append("> ").Append(Highlight(c));
            if (target == RenderTarget.Markdown || (target == RenderTarget.TeamsChat && i < CitationEntity.MaxClaims))
            {
                sb.Append(" [").Append(i + 1).Append(']'); // Teams: a marker only where a claim backs it
            }

            sb.Append("\n\n");
            AppendReference(sb, c, target);
            sb.Append("\n\n");
        }

        if (target == RenderTarget.Markdown)
        {
            for (var i = 0; i < citations.Count; i++)
            {
                var c = citations[i];
                sb.Append('[').Append(i + 1).Append("]: cite:").Append(i + 1)
                  .Append(" \"Paragraph ").Append(c.Paragraph).Append(" · ").Append(c.StoryTitle.Replace("\"", "'")).Append("\"\n");
            }
        }

        while (sb.Length > 0 && char.IsWhiteSpace(sb[^1]))
        {
            sb.Length--; // string.TrimEnd() on the builder: one string, not two
        }

        return sb.ToString();
    }

    /// <summary>Room for the quoted sentences and their references, so the builder does not grow chunk by chunk.</summary>
    private static int QuotedCapacity(string? lead, IReadOnlyList<Citation> citations)
    {
        var capacity = 64 + (lead?.Length ?? 0);
        foreach (var c in citations)
        {
            capacity += c.Text.Length + c.StorySource.Length + 2 * c.StoryTitle.Length + 64;
        }

        return capacity;
    }

    /// <summary>"*— paragraph N of M, source*" (and the story's title when several are served; no emphasis in a Teams channel).</summary>
    private void AppendReference(StringBuilder sb, Citation c, RenderTarget target)
    {
        var emphasis = target != RenderTarget.TeamsChannel;
        if (emphasis)
        {
            sb.Append('*');
        }

        sb.Append("— paragraph ").Append(c.Paragraph).Append(" of ").Append(ParagraphCount(c.StoryId)).Append(", ").Append(Escape(c.StorySource));
        if (_knowledge.Stories.Count > 1)
        {
            sb.Append(", *").Append(Escape(c.StoryTitle)).Append('*');
        }

        if (emphasis)
        {
            sb.Append('*');
        }
    }

    private string Decline(KnowledgeReply reply, RenderTarget target)
    {
        var sb = new StringBuilder("The story doesn't say. I can only answer from what it reports, and I couldn't find this in it.");
        if (reply.Related.Count > 0)
        {
            var near = reply.Related[0];
            sb.Append("\n\nThe closest passage I found, which does **not** answer your question:\n\n> ")
              .Append(Escape(near.Text))
              .Append("\n\n— paragraph ").Append(near.Paragraph).Append(" of ").Append(ParagraphCount(near.StoryId));
        }

        if (reply.Suggestions.Count > 0)
        {
            sb.Append("\n\nHere are questions I can answer:");
        }

        return sb.ToString();
    }

    private int ParagraphCount(string storyId) => _knowledge.Model.Story(storyId).ParagraphCount;

    private static string Highlight(Citation c) => CitationSpan.Bold(c, Escape);

    /// <summary>Escapes characters that Markdown or HTML would interpret, so story text shows as written.</summary>
    /// <remarks>Most text has none of them and is returned as it is (a reply escapes every piece of its sentences).</remarks>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Escaped) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '*' or '_' or '`' or '[' or ']' or '\\' or '#' or '|': sb.Append('\\').Append(ch); break;
                default: sb.Append(ch); break;
            }
        }

        return sb.ToString();
    }
}
