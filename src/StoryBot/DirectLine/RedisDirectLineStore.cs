using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using StackExchange.Redis;

namespace StoryBot.DirectLine;

/// <summary>
/// The built-in Direct Line's conversations, tokens and activity streams in Redis (<c>Storage:Kind=redis</c>),
/// so any instance can answer a poll or a post for a conversation another instance started, and a restart
/// loses none. Keys under <c>{prefix}dl:</c>: <c>c:{id}</c> (hash: user, last watermark, last timestamp,
/// started), <c>a:{id}</c> (list of <c>{seq}\n{json}</c>, capped), <c>t:{token}</c> (the conversation id,
/// expiring with the token), <c>ct:{id}</c> (the conversation's live tokens) and <c>recent</c> (sorted set by
/// last use, for the conversation cap). Every use restarts the conversation's keys' time to live (the idle
/// timeout). Appends are compare-and-set on the last watermark, so two instances appending to one stream
/// never give two activities the same id or leave a gap a poll could skip.
/// </summary>
public sealed class RedisDirectLineStore : IDirectLineStore
{
    private const string TouchScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return false end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        redis.call('PEXPIRE', KEYS[3], ARGV[1])
        redis.call('ZADD', KEYS[4], ARGV[2], ARGV[3])
        return redis.call('HGET', KEYS[1], 'user')
        """;

    // KEYS: token key, conversation's token list; ARGV: conversation id, token lifetime ms, idle ms, token, token key prefix.
    private const string IssueTokenScript = """
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        redis.call('RPUSH', KEYS[2], ARGV[4])
        while redis.call('LLEN', KEYS[2]) > 2 do
          redis.call('DEL', ARGV[5] .. redis.call('LPOP', KEYS[2]))
        end
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return true
        """;

    private const string StartScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        return redis.call('HSETNX', KEYS[1], 'started', '1')
        """;

    // KEYS: conversation, activities; ARGV: expected last seq, new seq, new timestamp ms, entry, max activities, idle ms.
    // Returns 1 when appended, 0 when another append came first, -1 when the conversation is gone.
    private const string AppendScript = """
        local last = redis.call('HGET', KEYS[1], 'seq')
        if not last then return -1 end
        if last ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'seq', ARGV[2], 'ts', ARGV[3])
        redis.call('RPUSH', KEYS[2], ARGV[4])
        redis.call('LTRIM', KEYS[2], -tonumber(ARGV[5]), -1)
        redis.call('PEXPIRE', KEYS[2], ARGV[6])
        return 1
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly IOptionsMonitor<DirectLineOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<RedisDirectLineStore> _logger;

    public RedisDirectLineStore(IConnectionMultiplexer redis, string keyPrefix, IOptionsMonitor<DirectLineOptions> options, TimeProvider clock, ILogger<RedisDirectLineStore> logger)
    {
        _redis = redis;
        _prefix = keyPrefix + "dl:";
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public event Action<DirectLineConversationRef>? Evicted;

    private IDatabase Db => _redis.GetDatabase();

    private long IdleMs => (long)Math.Max(1000, _options.CurrentValue.IdleTimeout.TotalMilliseconds);

    private long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public async Task<(DirectLineConversationRef Conversation, DirectLineToken Token)> CreateAsync(CancellationToken cancellationToken)
    {
        var conversation = new DirectLineConversationRef(DirectLineConversationStore.NewId(16), "dl_" + DirectLineConversationStore.NewId(12));
        var key = ConversationKey(conversation.Id);
        var db = Db;
        await db.HashSetAsync(key, [new("user", conversation.UserId), new("seq", 0), new("ts", 0)]).ConfigureAwait(false);
        await db.KeyExpireAsync(key, TimeSpan.FromMilliseconds(IdleMs)).ConfigureAwait(false);
        await db.SortedSetAddAsync(RecentKey, conversation.Id, NowMs).ConfigureAwait(false);
        await EvictOverCapAsync(db).ConfigureAwait(false);
        return (conversation, await IssueTokenAsync(conversation, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<DirectLineToken?> ValidateTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 256)
        {
            return null;
        }

        var key = _prefix + "t:" + token;
        var db = Db;
        var conversationId = db.StringGetAsync(key);
        var ttl = db.KeyTimeToLiveAsync(key);
        await Task.WhenAll(conversationId, ttl).ConfigureAwait(false);
        return conversationId.Result.IsNull || ttl.Result is not { } left
            ? null
            : new DirectLineToken(token, conversationId.Result!, _clock.GetUtcNow() + left);
    }

    /// <inheritdoc />
    public async Task<DirectLineConversationRef?> TouchAsync(string conversationId, CancellationToken cancellationToken)
    {
        var user = await Db.ScriptEvaluateAsync(
            TouchScript,
            [ConversationKey(conversationId), ActivitiesKey(conversationId), TokensKey(conversationId), RecentKey],
            [IdleMs, NowMs, conversationId]).ConfigureAwait(false);
        return user.IsNull ? null : new DirectLineConversationRef(conversationId, (string)user!);
    }

    /// <inheritdoc />
    public async Task<DirectLineToken> IssueTokenAsync(DirectLineConversationRef conversation, CancellationToken cancellationToken)
    {
        var lifetime = _options.CurrentValue.TokenLifetime;
        var token = new DirectLineToken(DirectLineConversationStore.NewId(32), conversation.Id, _clock.GetUtcNow() + lifetime);
        await Db.ScriptEvaluateAsync(
            IssueTokenScript,
            [_prefix + "t:" + token.Value, TokensKey(conversation.Id)],
            [conversation.Id, (long)lifetime.TotalMilliseconds, IdleMs, token.Value, _prefix + "t:"]).ConfigureAwait(false);
        return token;
    }

    /// <inheritdoc />
    public async Task<bool> TryStartAsync(string conversationId, CancellationToken cancellationToken) =>
        (int)await Db.ScriptEvaluateAsync(StartScript, [ConversationKey(conversationId)]).ConfigureAwait(false) == 1;

    /// <inheritdoc />
    public async Task<string> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var db = Db;
        var key = ConversationKey(conversationId);
        var max = Math.Max(1, _options.CurrentValue.MaxActivitiesPerConversation);
        while (true)
        {
            var last = await db.HashGetAsync(key, ["seq", "ts"]).ConfigureAwait(false);
            var lastSeq = last[0].IsNull ? 0 : (long)last[0];
            var lastTs = last[1].IsNull ? 0 : (long)last[1];
            var seq = lastSeq + 1;
            var timestamp = Math.Max(NowMs, lastTs + 1);
            activity.Id = $"{conversationId}|{seq:D7}";
            activity.Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(timestamp);
            var entry = seq.ToString(CultureInfo.InvariantCulture) + "\n" + JsonConvert.SerializeObject(activity, DirectLineJson.Settings);
            var result = (int)await db.ScriptEvaluateAsync(AppendScript, [key, ActivitiesKey(conversationId)], [lastSeq, seq, timestamp, entry, max, IdleMs]).ConfigureAwait(false);
            if (result != 0)
            {
                return activity.Id; // appended, or the conversation was evicted meanwhile (nobody can read it any more)
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<string> Activities, long Watermark)> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var db = Db;
        var entries = db.ListRangeAsync(ActivitiesKey(conversationId));
        var last = db.HashGetAsync(ConversationKey(conversationId), "seq");
        await Task.WhenAll(entries, last).ConfigureAwait(false);
        var after = watermark ?? 0;
        var result = new List<string>();
        foreach (var entry in entries.Result)
        {
            var text = (string)entry!;
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (long.Parse(text.AsSpan(0, newline), CultureInfo.InvariantCulture) > after)
            {
                result.Add(text[(newline + 1)..]);
            }
        }

        return (result, last.Result.IsNull ? after : (long)last.Result);
    }

    /// <inheritdoc />
    public async Task<int> SweepAsync(CancellationToken cancellationToken) =>
        // The conversations' own keys expire by their TTL; this keeps the cap's index in step with them.
        (int)await Db.SortedSetRemoveRangeByScoreAsync(RecentKey, double.NegativeInfinity, NowMs - IdleMs).ConfigureAwait(false);

    private RedisKey RecentKey => _prefix + "recent";

    private RedisKey ConversationKey(string id) => _prefix + "c:" + id;

    private RedisKey ActivitiesKey(string id) => _prefix + "a:" + id;

    private RedisKey TokensKey(string id) => _prefix + "ct:" + id;

    private async Task EvictOverCapAsync(IDatabase db)
    {
        var max = Math.Max(1, _options.CurrentValue.MaxConversations);
        var over = await db.SortedSetLengthAsync(RecentKey).ConfigureAwait(false) - max;
        if (over <= 0)
        {
            return;
        }

        _logger.LogWarning("Direct Line conversation cap ({Max}) reached: evicting the {Count} least recently used", max, over);
        foreach (var popped in await db.SortedSetPopAsync(RecentKey, over, Order.Ascending).ConfigureAwait(false))
        {
            var id = (string)popped.Element!;
            var user = await db.HashGetAsync(ConversationKey(id), "user").ConfigureAwait(false);
            var tokens = await db.ListRangeAsync(TokensKey(id)).ConfigureAwait(false);
            await db.KeyDeleteAsync([ConversationKey(id), ActivitiesKey(id), TokensKey(id), .. tokens.Select(t => (RedisKey)(_prefix + "t:" + t))]).ConfigureAwait(false);
            if (!user.IsNull)
            {
                Evicted?.Invoke(new DirectLineConversationRef(id, (string)user!));
            }
        }
    }
}
