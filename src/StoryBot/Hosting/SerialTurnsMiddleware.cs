using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace StoryBot.Hosting;

/// <summary>
/// Bot Framework middleware that runs the turns of one conversation one after another, in arrival order
/// (through <see cref="ConversationTurnGate"/>). It sits in the adapter's pipeline, so every way into the
/// bot is covered: <c>/api/messages</c>, the in-process client and any endpoint that calls the adapter.
/// When a conversation already has too many turns waiting, the new one is answered with one short
/// sentence instead of piling up. Across instances (<c>Storage:Kind=redis</c>) the turn then runs through
/// <see cref="SharedStateTurns"/>: read–run–save with ETag retries, replies sent only after the save.
/// </summary>
public sealed class SerialTurnsMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public const string BusyText = "I'm still answering your earlier messages in this conversation. Please send that again in a moment.";

    private readonly ConversationTurnGate _gate;
    private readonly StoryBotMetrics _metrics;
    private readonly ILogger<SerialTurnsMiddleware> _logger;
    private readonly SharedStateTurns? _shared;

    public SerialTurnsMiddleware(ConversationTurnGate gate, StoryBotMetrics metrics, ILogger<SerialTurnsMiddleware> logger, SharedStateTurns? shared = null)
    {
        _gate = gate;
        _shared = shared;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var conversationId = activity?.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var lease = await _gate.TryEnterAsync(ConversationTurnGate.KeyFor(activity!.ChannelId, conversationId), cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            _metrics.RecordRejected("busy");
            _logger.LogWarning("Conversation on {Channel} has too many turns waiting; a {Type} activity was answered 'busy'", activity.ChannelId, activity.Type);
            if (activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(BusyText), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (_shared is null)
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _shared.RunAsync(turnContext, next, cancellationToken).ConfigureAwait(false);
        }
    }
}
