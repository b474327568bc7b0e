using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using StoryBot.Storage;

namespace StoryBot.DirectLine;

/// <summary>
/// Sweeps idle built-in conversations on a timer, and drops the bot's state for every evicted
/// conversation (when an <see cref="IStorage"/> is registered), so an always-on page cannot grow
/// memory without bound.
/// </summary>
public sealed class DirectLineEvictionService : BackgroundService
{
    private readonly IDirectLineStore _store;
    private readonly IOptionsMonitor<DirectLineOptions> _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ILogger<DirectLineEvictionService> _logger;

    public DirectLineEvictionService(IDirectLineStore store, IOptionsMonitor<DirectLineOptions> options, IServiceProvider services, TimeProvider clock, ILogger<DirectLineEvictionService> logger)
    {
        _store = store;
        _options = options;
        _services = services;
        _clock = clock;
        _logger = logger;
        _store.Evicted += OnEvicted;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = _options.CurrentValue.SweepInterval;
        using var timer = new PeriodicTimer(interval > TimeSpan.Zero ? interval : TimeSpan.FromMinutes(1), _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var evicted = await _store.SweepAsync(stoppingToken).ConfigureAwait(false);
                    if (evicted > 0)
                    {
                        _logger.LogInformation("Evicted {Count} idle Direct Line conversations", evicted);
                    }
                }
                catch (Exception ex) when (RedisFault.IsRedisFailure(ex))
                {
                    _logger.LogWarning("Direct Line sweep skipped: {Reason}", RedisFault.Describe(ex)); // the next tick tries again
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _store.Evicted -= OnEvicted;
        base.Dispose();
    }

    private void OnEvicted(DirectLineConversationRef conversation)
    {
        // Bot Framework's ConversationState/UserState keys: "{channelId}/conversations/{id}" and
        // "{channelId}/users/{userId}". Best effort: the bot may use no state at all.
        var storage = _services.GetService<IStorage>();
        if (storage is null)
        {
            return;
        }

        var keys = new[]
        {
            $"{DirectLineConversation.ChannelId}/conversations/{conversation.Id}",
            $"{DirectLineConversation.ChannelId}/users/{conversation.UserId}",
        };
        _ = Task.Run(async () =>
        {
            try
            {
                await storage.DeleteAsync(keys).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Could not delete the bot state of an evicted Direct Line conversation");
            }
        });
    }
}
