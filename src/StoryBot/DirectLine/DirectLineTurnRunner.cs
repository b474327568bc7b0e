using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace StoryBot.DirectLine;

/// <summary>
/// Runs one turn of the real bot in process, through the host's <see cref="CloudAdapter"/> (its
/// middleware, its <c>OnTurnError</c>, the same <see cref="IBot"/>), with
/// <c>deliveryMode: expectReplies</c> so the replies are buffered by the turn context instead of
/// being POSTed to a serviceUrl. No channel token is involved, so this keeps working when
/// <c>MicrosoftAppId</c> makes <c>/api/messages</c> demand one.
/// </summary>
/// <remarks>
/// Bot Builder 4.23.1's <c>CloudAdapterBase</c> does not implement
/// <c>BotAdapter.ProcessActivityAsync(ClaimsIdentity, …)</c> and keeps its authenticated-request overload
/// protected, so the public entry used is <c>ContinueConversationAsync(ClaimsIdentity, Activity, …)</c>:
/// it runs the adapter's pipeline on the given activity with an identity we build (the bot's own app
/// id as audience, which is what the adapter's credential factory accepts), without validating any
/// inbound token.
/// </remarks>
public sealed class DirectLineTurnRunner
{
    /// <summary>The channel id the bot sees for built-in Direct Line conversations.</summary>
    public const string ChannelId = "directline";

    private readonly CloudAdapter _adapter;
    private readonly IServiceScopeFactory _scopes;
    private readonly ClaimsIdentity _identity;

    public DirectLineTurnRunner(CloudAdapter adapter, IServiceScopeFactory scopes, IConfiguration configuration)
    {
        _adapter = adapter;
        _scopes = scopes;
        var appId = configuration["MicrosoftAppId"];
        _identity = string.IsNullOrWhiteSpace(appId)
            ? new ClaimsIdentity()
            : new ClaimsIdentity(new[]
            {
                new Claim(AuthenticationConstants.AudienceClaim, appId),
                new Claim(AuthenticationConstants.AppIdClaim, appId),
            });
    }

    /// <summary>
    /// Runs the bot on <paramref name="activity"/> and returns everything it sent during the turn
    /// (including what the adapter's error handler sent), in order, trace activities left out.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var sent = new List<Activity>();
        await using var scope = _scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();

        await _adapter.ContinueConversationAsync(
            _identity,
            activity,
            (turnContext, ct) =>
            {
                // Registered first thing in the turn so the error handler's replies are seen too.
                turnContext.OnSendActivities(async (context, activities, next) =>
                {
                    var responses = await next().ConfigureAwait(false);
                    lock (sent)
                    {
                        sent.AddRange(activities.Where(a => a.Type != ActivityTypes.Trace));
                    }

                    return responses;
                });
                return bot.OnTurnAsync(turnContext, ct);
            },
            cancellationToken).ConfigureAwait(false);

        lock (sent)
        {
            return sent.ToList();
        }
    }
}
