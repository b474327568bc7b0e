using System.Threading.RateLimiting;
using StackExchange.Redis;
using StoryBot.Storage;

namespace StoryBot.Hosting;

/// <summary>
/// The per-conversation fixed window of <see cref="StoryBotReliability.AddStoryBotRateLimiting"/> counted in
/// Redis (<c>Storage:Kind=redis</c>), so a conversation's limit holds however many instances its activities
/// land on: one <c>INCR</c> per activity on <c>{prefix}rate:{conversation}</c>, which expires with its window.
/// Same settings as in memory (PermitLimit per WindowSeconds, no queue). The synchronous attempt always
/// defers to the asynchronous one (ASP.NET Core's middleware then awaits it), since counting needs a round
/// trip. A Redis that cannot be reached lets the activity through: the turn itself then says the bot is
/// temporarily unavailable, and a limiter must not turn a storage outage into a flood of 429s.
/// </summary>
public sealed class RedisRateLimiter : PartitionedRateLimiter<HttpContext>
{
    private const string CountScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { n, redis.call('PTTL', KEYS[1]) }
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly Func<HttpContext, string?> _partitionKey;
    private readonly int _permits;
    private readonly TimeSpan _window;

    public RedisRateLimiter(IConnectionMultiplexer redis, string keyPrefix, Func<HttpContext, string?> partitionKey, int permits, TimeSpan window)
    {
        _redis = redis;
        _prefix = keyPrefix + "rate:";
        _partitionKey = partitionKey;
        _permits = permits;
        _window = window;
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        _partitionKey(resource) is null ? Lease.Granted : Lease.AskRedis;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (_partitionKey(resource) is not { } key)
        {
            return Lease.Granted;
        }

        try
        {
            var result = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(CountScript, [_prefix + key], [(long)_window.TotalMilliseconds]).ConfigureAwait(false))!;
            var count = (long)result[0];
            var remainingMs = Math.Max(1, (long)result[1]);
            return count <= _permits ? Lease.Granted : new Lease(false, TimeSpan.FromMilliseconds(remainingMs));
        }
        catch (Exception ex) when (RedisFault.IsRedisFailure(ex))
        {
            return Lease.Granted;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        /// <summary>Not acquired without a retry time: only ever returned by the synchronous attempt.</summary>
        public static readonly Lease AskRedis = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
