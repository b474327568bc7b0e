using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StoryBot.Feedback;

namespace StoryBot.Rendering;

/// <summary>
/// Puts 👍/👎 under a rendered answer, each channel its own way: Teams draws them from
/// <c>channelData.feedbackLoopEnabled</c> and sends <c>message/submitAction</c>; Web Chat 4.18 draws them
/// from <c>potentialAction</c> on the reply's schema.org <c>Message</c> entity (one is added when the reply
/// cites nothing, e.g. a decline), whose <c>@id</c>s name the answer.
/// </summary>
public static class FeedbackMarkup
{
    public static void Offer(IMessageActivity message, RenderTarget target, string answerId)
    {
        if (target != RenderTarget.Markdown)
        {
            var channelData = message.ChannelData as JObject ?? (message.ChannelData is null ? new JObject() : JObject.FromObject(message.ChannelData));
            channelData["feedbackLoopEnabled"] = true;
            message.ChannelData = channelData;
            return;
        }

        message.Entities ??= new List<Entity>();
        var root = message.Entities.FirstOrDefault(e => e.Type == CitationEntity.SchemaOrgMessage);
        if (root is null)
        {
            root = CitationEntity.Root();
            message.Entities.Insert(0, root);
        }

        root.Properties["potentialAction"] = WebChatFeedbackPayload.Actions(answerId);
    }
}
