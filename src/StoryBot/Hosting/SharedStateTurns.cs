using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StoryBot.Storage;

namespace StoryBot.Hosting;

/// <summary>
/// Turns of one conversation taken by several instances (<c>Storage:Kind=redis</c>): the in-process gate
/// orders turns on one instance only, so across instances each turn is read–run–save with optimistic
/// concurrency, as the Bot Framework's scale-out sample does. The turn's replies are held back until its
/// state was saved; a save that finds the state changed by another instance (<see cref="ETagConflictException"/>)
/// reloads the state and runs the turn again, so no update is lost and a retried turn never answers twice.
/// A Redis that cannot be reached answers one short sentence (no stack trace, state left as it was); the
/// turn after Redis is back works normally. With the memory store this is a plain pass-through.
/// </summary>
public sealed class SharedStateTurns
{
    public const string UnavailableText = "I'm temporarily unavailable. Please try again in a moment.";

    /// <summary>Runs of one turn before it gives up with the "busy" sentence (each after a short random pause).</summary>
    public const int MaxAttempts = 8;

    private readonly bool _enabled;
    private readonly IServiceProvider _services;
    private readonly StoryBotMetrics? _metrics;
    private readonly ILogger<SharedStateTurns> _logger;

    public SharedStateTurns(StorageOptions options, IServiceProvider services, ILogger<SharedStateTurns> logger, StoryBotMetrics? metrics = null)
    {
        _enabled = options.UsesRedis;
        _services = services;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Runs the rest of the pipeline as one conflict-safe turn.</summary>
    public async Task RunAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var held = new List<Activity>();
        var passThrough = false;
        turnContext.OnSendActivities(async (_, activities, sendNext) =>
        {
            if (passThrough)
            {
                return await sendNext().ConfigureAwait(false);
            }

            held.AddRange(activities);
            return activities.Select(a => new ResourceResponse(a.Id ?? Guid.NewGuid().ToString("N"))).ToArray();
        });

        for (var attempt = 1; ; attempt++)
        {
            held.Clear();
            try
            {
                await next(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (ETagConflictException) when (attempt < MaxAttempts)
            {
                // Another instance saved this conversation meanwhile: start the turn again from its state.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken).ConfigureAwait(false);
                await _services.GetRequiredService<ConversationState>().LoadAsync(turnContext, force: true, cancellationToken).ConfigureAwait(false);
            }
            catch (ETagConflictException)
            {
                passThrough = true;
                _metrics?.RecordRejected("busy");
                _logger.LogWarning("A turn on {Channel} lost {Attempts} saves in a row to other instances; answered 'busy'", turnContext.Activity.ChannelId, MaxAttempts);
                await ReplyAsync(turnContext, SerialTurnsMiddleware.BusyText, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (RedisFault.IsRedisFailure(ex))
            {
                passThrough = true;
                _logger.LogWarning("Conversation state is unavailable: {Reason}; a {Type} activity on {Channel} was answered 'temporarily unavailable'",
                    RedisFault.Describe(ex), turnContext.Activity.Type, turnContext.Activity.ChannelId);
                await ReplyAsync(turnContext, UnavailableText, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch
            {
                passThrough = true; // the adapter's error handler speaks for itself
                throw;
            }
        }

        passThrough = true;
        if (held.Count > 0)
        {
            await turnContext.SendActivitiesAsync(held.ToArray(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ReplyAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
        }
    }
}
