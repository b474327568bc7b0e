using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace StoryBot.Tests.DirectLine;

/// <summary>
/// TEMPORARY stand-in until the real host lands on main ("Host:" commit): answers like the real
/// bot's contract (welcome with suggested actions, a cited Markdown answer with the schema.org
/// citation entity) so the Direct Line endpoint and the page can be developed. Removed at the merge.
/// </summary>
internal sealed class StandInBot : ActivityHandler
{
    internal const string ComeySentence = "Trump on Tuesday abruptly fired FBI Director James Comey, dramatically ousting the nation’s top law enforcement official in the midst of the bureau’s investigation into Trump’s ties with Russia.";

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient.Id)
            {
                var welcome = MessageFactory.SuggestedActions(new[] { "Who did Trump fire?", "What is the story about?" }, "Hi! Ask me about the story.", null, null);
                await turnContext.SendActivityAsync(welcome, cancellationToken);
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        var reply = MessageFactory.SuggestedActions(new[] { "Who is Lavrov?", "Tell me more" },
            text.Contains("fire", StringComparison.OrdinalIgnoreCase)
                ? "Trump on Tuesday abruptly fired FBI Director **James Comey**, dramatically ousting the nation’s top law enforcement official in the midst of the bureau’s investigation into Trump’s ties with Russia. [1]\n\n[1]: cite:1 \"Paragraph 8\""
                : "US President Donald Trump was today scheduled to meet Russian President Vladimir Putin’s top diplomat at the White House. [1]\n\n[1]: cite:1 \"Paragraph 1\"", null, null);
        reply.Entities = new List<Entity>
        {
            new Entity { Type = "https://schema.org/Message", Properties = JObject.FromObject(new Dictionary<string, object>
            {
                ["@context"] = "https://schema.org", ["@id"] = "", ["@type"] = "Message",
                ["citation"] = new[] { new Dictionary<string, object>
                {
                    ["@type"] = "Claim", ["position"] = 1,
                    ["appearance"] = new Dictionary<string, object> { ["@type"] = "DigitalDocument", ["name"] = "Paragraph 8", ["text"] = ComeySentence, ["abstract"] = ComeySentence },
                } },
            }) },
        };
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
