using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace StoryBot.Bots;

/// <summary>
/// The Bot Framework samples' EchoBot, verbatim in behaviour: no state, no middleware, one reply
/// "Echo: {text}". It exists only as the ceiling the load test compares StoryBot against on the same
/// adapter and host (configuration <c>Bot:Kind=echo</c>); it is never registered otherwise.
/// </summary>
public class EchoBot : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var replyText = $"Echo: {turnContext.Activity.Text}";
        await turnContext.SendActivityAsync(MessageFactory.Text(replyText, replyText), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var welcomeText = "Hello and welcome!";
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient.Id)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(welcomeText, welcomeText), cancellationToken);
            }
        }
    }
}
