using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StoryBot.Hosting;

/// <summary>
/// The bot's telemetry as <see cref="System.Diagnostics.Metrics"/> instruments on the meter
/// <see cref="MeterName"/>, instead of a log line per turn: recording is a few atomic adds, nothing is
/// formatted or written per turn, and any listener (OpenTelemetry's exporters, <c>dotnet-counters</c>)
/// can aggregate it. Exporting is configured in <see cref="StoryBotTelemetry"/>.
/// </summary>
public sealed class StoryBotMetrics
{
    /// <summary>The meter every StoryBot instrument belongs to (what an exporter subscribes to).</summary>
    public const string MeterName = "StoryBot";

    // Seconds, as OpenTelemetry's conventions want durations; the buckets resolve sub-millisecond waits
    // (most queue waits) up to the 30 s queue timeout.
    private static readonly InstrumentAdvice<double> DurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _declines;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _rejected;

    public StoryBotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _turns = meter.CreateCounter<long>("storybot.turns", "{turn}", "Message turns answered, by channel and reply intent.");
        _turnDuration = meter.CreateHistogram("storybot.turn.duration", "s", "Time the bot took to answer a message (understanding, answering, rendering, sending).", advice: DurationBuckets);
        _declines = meter.CreateCounter<long>("storybot.declines", "{turn}", "Questions the bot declined because the story does not say (intent noAnswer).");
        _queueWait = meter.CreateHistogram("storybot.turn.queue_wait", "s", "Time a turn waited for the previous turn of its conversation.", advice: DurationBuckets);
        _rejected = meter.CreateCounter<long>("storybot.turns.rejected", "{request}", "Activities refused: reason=rate_limited (429) or busy (too many turns queued in one conversation).");
    }

    /// <summary>A message turn answered on <paramref name="channel"/> with <paramref name="intent"/> in <paramref name="elapsed"/>.</summary>
    public void RecordTurn(string? channel, string intent, TimeSpan elapsed)
    {
        var tags = new TagList { { "channel", channel ?? "unknown" }, { "intent", intent } };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalSeconds, tags);
        if (intent == "noAnswer")
        {
            _declines.Add(1, new KeyValuePair<string, object?>("channel", channel ?? "unknown"));
        }
    }

    /// <summary>How long a turn waited for its conversation's previous turn (zero when none was running).</summary>
    public void RecordQueueWait(TimeSpan waited) => _queueWait.Record(waited.TotalSeconds);

    /// <summary>An activity refused for <paramref name="reason"/> (<c>rate_limited</c> or <c>busy</c>).</summary>
    public void RecordRejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
