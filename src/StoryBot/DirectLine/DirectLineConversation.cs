using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace StoryBot.DirectLine;

/// <summary>
/// One conversation of the built-in Direct Line endpoint: its activity stream (numbered so that
/// watermarks never skip or repeat) and its tokens. Its turns run one after another through the host's
/// per-conversation gate (<see cref="Hosting.ConversationTurnGate"/>), as for every other channel.
/// </summary>
public sealed class DirectLineConversation
{
    /// <summary>The channel id the bot sees for built-in Direct Line conversations.</summary>
    public const string ChannelId = "directline";

    private readonly object _gate = new();
    private readonly LinkedList<(long Seq, string Json)> _activities = new();
    private readonly int _maxActivities;
    private long _lastSeq;
    private DateTimeOffset _lastTimestamp = DateTimeOffset.MinValue;
    private long _lastAccessTicks;
    private int _started;

    internal DirectLineConversation(string id, string userId, int maxActivities, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        _maxActivities = Math.Max(1, maxActivities);
        CreatedAt = now;
        _lastAccessTicks = now.UtcTicks;
    }

    /// <summary>The conversation id (random, base64url).</summary>
    public string Id { get; }

    /// <summary>The user id the conversation was created for; posted activities are attributed to it.</summary>
    public string UserId { get; }

    /// <summary>When the conversation was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>True once the conversationUpdate (the bot's welcome turn) has run.</summary>
    public bool Started => Volatile.Read(ref _started) != 0;

    /// <summary>The id and user, as every store hands them out.</summary>
    public DirectLineConversationRef Ref => new(Id, UserId);

    /// <summary>Tokens issued for this conversation (the current one and, after a refresh, the previous one).</summary>
    internal List<string> Tokens { get; } = new();

    /// <summary>The last time a request for this conversation was accepted (UTC).</summary>
    public DateTimeOffset LastAccess => new(Interlocked.Read(ref _lastAccessTicks), TimeSpan.Zero);

    /// <summary>The watermark of the newest activity.</summary>
    public long LastWatermark { get { lock (_gate) { return _lastSeq; } } }

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastAccessTicks, now.UtcTicks);

    /// <summary>True for the one caller that starts the conversation (runs the welcome turn).</summary>
    internal bool TryStart() => Interlocked.Exchange(ref _started, 1) == 0;

    /// <summary>
    /// Adds an activity to the stream: gives it the next server id and a timestamp strictly later
    /// than the previous one, freezes it as JSON, and drops the oldest activity past the cap.
    /// </summary>
    internal string Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var seq = ++_lastSeq;
            var timestamp = now > _lastTimestamp ? now : _lastTimestamp.AddMilliseconds(1);
            _lastTimestamp = timestamp;
            activity.Id = $"{Id}|{seq:D7}";
            activity.Timestamp = timestamp;
            _activities.AddLast((seq, JsonConvert.SerializeObject(activity, DirectLineJson.Settings)));
            while (_activities.Count > _maxActivities)
            {
                _activities.RemoveFirst();
            }

            return activity.Id;
        }
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/> (all kept ones when null) and the watermark
    /// to ask with next time.
    /// </summary>
    internal (IReadOnlyList<string> Activities, long Watermark) Read(long? watermark)
    {
        lock (_gate)
        {
            var after = watermark ?? 0;
            var result = new List<string>();
            foreach (var (seq, json) in _activities)
            {
                if (seq > after)
                {
                    result.Add(json);
                }
            }

            return (result, _lastSeq);
        }
    }
}
