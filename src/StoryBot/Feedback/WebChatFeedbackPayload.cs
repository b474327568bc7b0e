using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace StoryBot.Feedback;

/// <summary>
/// Web Chat 4.18's thumbs: the reply's schema.org <c>Message</c> entity offers <c>potentialAction</c>
/// <c>LikeAction</c>/<c>DislikeAction</c>, and a click posts, after a 500 ms debounce, an <c>event</c> named
/// <c>webchat:activity-status/feedback</c> whose <c>entities</c> hold the chosen action and no
/// <c>replyToId</c> (botframework-webchat-component, ActivityStatus/private/Feedback/Feedback.tsx). So each
/// action's <c>@id</c> names the answer it rates: <c>urn:storybot:answer:{id}#like</c>.
/// </summary>
public static class WebChatFeedbackPayload
{
    public const string EventName = "webchat:activity-status/feedback";

    private const string Prefix = "urn:storybot:answer:";

    /// <summary>The <c>@id</c> of the action that gives <paramref name="reaction"/> to answer <paramref name="answerId"/>.</summary>
    public static string ActionId(string answerId, string reaction) => Prefix + answerId + "#" + reaction;

    /// <summary>The <c>potentialAction</c> list for an answer: 👍 then 👎.</summary>
    public static JArray Actions(string answerId) => new(
        new JObject { ["@type"] = "LikeAction", ["@id"] = ActionId(answerId, FeedbackReaction.Like) },
        new JObject { ["@type"] = "DislikeAction", ["@id"] = ActionId(answerId, FeedbackReaction.Dislike) });

    public static FeedbackSubmission Read(IEventActivity activity)
    {
        var actions = (activity.Entities ?? new List<Entity>())
            .Select(e => e?.Properties)
            .Where(p => p?["@type"] is JValue { Type: JTokenType.String } t && FeedbackReaction.Parse((string?)t) is not null)
            .ToList();
        if (actions.Count != 1)
        {
            return FeedbackSubmission.Invalid($"expected one LikeAction or DislikeAction entity, found {actions.Count}");
        }

        var reaction = FeedbackReaction.Parse((string?)actions[0]!["@type"]);
        var id = actions[0]!["@id"] is JValue { Type: JTokenType.String } v ? (string?)v : null;
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal) || !id.EndsWith("#" + reaction, StringComparison.Ordinal))
        {
            return FeedbackSubmission.Invalid("the action's @id does not name a StoryBot answer with that reaction");
        }

        var answerId = id[Prefix.Length..^(reaction!.Length + 1)];
        return answerId.Length is > 0 and <= 64 ? new FeedbackSubmission(answerId, reaction, null) : FeedbackSubmission.Invalid("the action's @id names no answer");
    }
}
