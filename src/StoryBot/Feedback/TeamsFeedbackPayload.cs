using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StoryBot.Feedback;

/// <summary>
/// Reads Teams' feedback invoke (Microsoft's "feedback buttons" documentation): <c>name</c>
/// <c>message/submitAction</c>, <c>replyToId</c> the rated message, <c>value.actionName</c> "feedback",
/// <c>value.actionValue.reaction</c> "like" | "dislike" and <c>value.actionValue.feedback</c> a JSON string
/// <c>{"feedbackText":"…"}</c> (the Agents SDK also accepts an object there, so both are read).
/// </summary>
public static class TeamsFeedbackPayload
{
    public const string InvokeName = "message/submitAction";

    public static FeedbackSubmission Read(IInvokeActivity activity, int maxComment)
    {
        if (activity.Value is not JObject value)
        {
            return FeedbackSubmission.Invalid("value is not an object");
        }

        if (value["actionName"] is not JValue { Type: JTokenType.String } name || (string?)name != "feedback")
        {
            return FeedbackSubmission.Invalid("value.actionName is not \"feedback\"");
        }

        if (value["actionValue"] is not JObject action)
        {
            return FeedbackSubmission.Invalid("value.actionValue is not an object");
        }

        var reaction = action["reaction"] is JValue { Type: JTokenType.String } r ? FeedbackReaction.Parse((string?)r) : null;
        if (reaction is null || (string?)action["reaction"] is not ("like" or "dislike"))
        {
            return FeedbackSubmission.Invalid("value.actionValue.reaction is not \"like\" or \"dislike\"");
        }

        var form = action["feedback"];
        if (form is JValue { Type: JTokenType.String } text)
        {
            try
            {
                form = string.IsNullOrWhiteSpace((string?)text) ? null : JToken.Parse((string)text!);
            }
            catch (JsonReaderException)
            {
                return FeedbackSubmission.Invalid("value.actionValue.feedback is not a JSON string");
            }
        }

        string? comment = null;
        if (form is JObject fields)
        {
            if (fields["feedbackText"] is { Type: not (JTokenType.String or JTokenType.Null) })
            {
                return FeedbackSubmission.Invalid("feedbackText is not a string");
            }

            comment = (string?)fields["feedbackText"];
        }
        else if (form is not null && form.Type != JTokenType.Null)
        {
            return FeedbackSubmission.Invalid("value.actionValue.feedback is neither a JSON object nor a string holding one");
        }

        if (comment is { Length: > 0 } && comment.Length > maxComment)
        {
            return FeedbackSubmission.Invalid($"the comment is longer than {maxComment} characters");
        }

        if (string.IsNullOrEmpty(activity.ReplyToId))
        {
            return FeedbackSubmission.Invalid("replyToId is missing");
        }

        return new FeedbackSubmission(activity.ReplyToId, reaction, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
    }
}
