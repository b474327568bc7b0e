using System.Security.Cryptography;
using System.Text.Json;
using StackExchange.Redis;

namespace StoryBot.Feedback;

/// <summary>
/// The store for Storage:Kind=redis, on the host's one connection and key prefix, so every instance and the
/// <c>feedback</c> command see the same ratings: each rating is a key <c>{prefix}feedback:rating:{answer}|{user}</c>
/// that Redis expires after Feedback:RetentionDays, indexed by time in the sorted set <c>{prefix}feedback:ratings</c>
/// (pruned on every write); the salt is <c>{prefix}feedback:salt</c>, set once with SET NX so instances agree;
/// a sent answer is <c>{prefix}feedback:sent:{message id}</c> for a day.
/// </summary>
public sealed class RedisFeedbackStore : IFeedbackStore
{
    private const int ReadBatch = 500;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly FeedbackOptions _options;
    private readonly TimeProvider _clock;

    public RedisFeedbackStore(IConnectionMultiplexer redis, string keyPrefix, FeedbackOptions options, TimeProvider clock)
    {
        _redis = redis;
        _prefix = keyPrefix + "feedback:";
        _options = options;
        _clock = clock;
    }

    private RedisKey Index => _prefix + "ratings";

    private RedisKey SaltKey => _prefix + "salt";

    private RedisKey RatingKey(string key) => _prefix + "rating:" + key;

    public async Task AddOrReplaceAsync(FeedbackRecord record, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var ttl = record.Time + _options.Retention - now;
        if (ttl <= TimeSpan.Zero)
        {
            return; // already past retention: nothing to keep
        }

        var db = _redis.GetDatabase();
        var batch = db.CreateTransaction();
        _ = batch.StringSetAsync(RatingKey(record.Key), FeedbackJson.Serialize(record), ttl);
        _ = batch.SortedSetAddAsync(Index, record.Key, record.Time.ToUnixTimeMilliseconds());
        _ = batch.SortedSetRemoveRangeByScoreAsync(Index, double.NegativeInfinity, Cutoff(now), Exclude.Stop);
        _ = batch.KeyExpireAsync(Index, _options.Retention);
        await batch.ExecuteAsync().WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = _redis.GetDatabase();
        var keys = await db.SortedSetRangeByScoreAsync(Index, Cutoff(_clock.GetUtcNow()), double.PositiveInfinity).WaitAsync(cancellationToken);
        var records = new List<FeedbackRecord>(keys.Length);
        foreach (var chunk in keys.Chunk(ReadBatch))
        {
            var values = await db.StringGetAsync(chunk.Select(k => RatingKey(k.ToString())).ToArray()).WaitAsync(cancellationToken);
            foreach (var value in values.Where(v => v.HasValue))
            {
                try
                {
                    if (FeedbackJson.Deserialize<FeedbackRecord>(value.ToString()) is { } record)
                    {
                        records.Add(record);
                    }
                }
                catch (JsonException)
                {
                    // not a rating this version can read: skipped, the others still count
                }
            }
        }

        return records.OrderBy(r => r.Time).ToList();
    }

    public async Task<string> GetOrCreateSaltAsync(CancellationToken cancellationToken = default)
    {
        var db = _redis.GetDatabase();
        await db.StringSetAsync(SaltKey, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), when: When.NotExists).WaitAsync(cancellationToken);
        var salt = await db.StringGetAsync(SaltKey).WaitAsync(cancellationToken);
        return salt.HasValue ? salt.ToString() : throw new InvalidOperationException("the feedback salt vanished from Redis between SET NX and GET");
    }

    public async Task RememberSentAsync(string messageId, SentAnswer answer, CancellationToken cancellationToken = default) =>
        await _redis.GetDatabase().StringSetAsync(SentKey(messageId), FeedbackJson.Serialize(answer), IFeedbackStore.SentAnswerLifetime).WaitAsync(cancellationToken);

    public async Task<SentAnswer?> FindSentAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var value = await _redis.GetDatabase().StringGetAsync(SentKey(messageId)).WaitAsync(cancellationToken);
        try
        {
            return value.HasValue ? FeedbackJson.Deserialize<SentAnswer>(value.ToString()) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private RedisKey SentKey(string messageId) => _prefix + "sent:" + messageId;

    private double Cutoff(DateTimeOffset now) => (now - _options.Retention).ToUnixTimeMilliseconds();
}
