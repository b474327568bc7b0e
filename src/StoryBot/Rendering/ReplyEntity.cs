using Newtonsoft.Json.Linq;
using StoryBot.Knowledge.Answering;

namespace StoryBot.Rendering;

/// <summary>
/// The machine-readable <c>storybot.reply</c> entity on every reply to a user message: clients, the
/// evaluation harness and monitoring read the intent, confidence and citations from it instead of
/// parsing text. Its shape is a public contract (documented in the README): change it only by
/// bumping <see cref="Version"/>.
/// </summary>
public static class ReplyEntity
{
    public const string Type = "storybot.reply";
    public const int Version = 1;

    public static Microsoft.Bot.Schema.Entity Create(KnowledgeReply reply)
    {
        var entity = new Microsoft.Bot.Schema.Entity(Type);
        entity.Properties["version"] = Version;
        entity.Properties["intent"] = IntentName(reply.Kind);
        entity.Properties["answered"] = reply.Answered;
        entity.Properties["confidence"] = Math.Round(Math.Clamp(reply.Confidence, 0, 1), 3);
        entity.Properties["citations"] = reply.Answered ? ToJson(reply.Citations) : new JArray();
        entity.Properties["related"] = ToJson(reply.Related);
        return entity;
    }

    private static JArray ToJson(IReadOnlyList<Citation> citations)
    {
        var array = new JArray();
        for (var i = 0; i < citations.Count; i++)
        {
            array.Add(ToJson(citations[i]));
        }

        return array;
    }

    /// <summary>The intent names of the contract (camelCase of <see cref="ReplyKind"/>).</summary>
    public static string IntentName(ReplyKind kind) => kind switch
    {
        ReplyKind.NoAnswer => "noAnswer",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static JObject ToJson(Citation c) => new()
    {
        ["story"] = c.StoryId,
        ["paragraph"] = c.Paragraph,
        ["sentence"] = c.Sentence,
        ["text"] = c.Text,
        ["span"] = c.Span is null ? JValue.CreateNull() : new JValue(c.Span),
    };

    /// <summary>Reads the entity back from an activity (for clients and tests); null when absent.</summary>
    public static JObject? Read(Microsoft.Bot.Schema.IActivity activity) =>
        (activity as Microsoft.Bot.Schema.IMessageActivity)?.Entities?
            .FirstOrDefault(e => e.Type == Type)?.Properties is { } p ? (JObject)p.DeepClone() : null;
}
