using Microsoft.Bot.Builder;
using StackExchange.Redis;

namespace StoryBot.Storage;

/// <summary>
/// Bot Framework state in Redis, shared by every instance. Each key is one Redis string,
/// <c>{prefix}state:{key}</c> = <c>{etag}\n{json}</c>, written by a script that compares the ETag and sets
/// the value in one step (compare-and-set). ETags: an <see cref="IStoreItem"/>'s <c>ETag</c>, or for a
/// bag of properties (what <see cref="BotState"/> saves) its <c>"eTag"</c> entry, which a read fills in —
/// so a conversation's state saved by another instance since this turn read it is a conflict
/// (<see cref="ETagConflictException"/>) instead of a lost update. <c>*</c> writes unconditionally, as does a
/// bag or plain object without an ETag; an <see cref="IStoreItem"/> with a null or empty ETag may only
/// create (the SDK's MemoryStorage rule). After a write the new ETag is put back on the value written.
/// Every read and write restarts the key's time to live (<c>ConversationState:IdleMinutes</c>), so idle
/// conversations expire by themselves; Redis's <c>maxmemory</c> policy, not this class, caps their number.
/// </summary>
public sealed class RedisStorage : IStorage
{
    /// <summary>Where a bag of properties carries its ETag (the SDK's name for it).</summary>
    public const string BagETagKey = "eTag";

    // Returns false when written, or the stored ETag when it does not match ARGV[1] ('*' matches anything).
    private const string CompareAndSetScript = """
        local cur = redis.call('GET', KEYS[1])
        if ARGV[1] ~= '*' and cur then
          local tag = string.match(cur, '^([^\n]*)\n') or ''
          if tag ~= ARGV[1] then return tag end
        end
        redis.call('SET', KEYS[1], ARGV[2] .. '\n' .. ARGV[3], 'PX', ARGV[4])
        return false
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly TimeSpan _timeToLive;

    public RedisStorage(IConnectionMultiplexer redis, string keyPrefix, TimeSpan timeToLive)
    {
        _redis = redis;
        _prefix = keyPrefix + "state:";
        _timeToLive = timeToLive;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var db = _redis.GetDatabase();
        var reads = keys.Select(key => db.StringGetSetExpiryAsync(RedisKeyFor(key), _timeToLive)).ToArray();
        await Task.WhenAll(reads).ConfigureAwait(false);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            var stored = (string?)reads[i].Result;
            if (stored is null)
            {
                continue;
            }

            var newline = stored.IndexOf('\n', StringComparison.Ordinal);
            var value = StateSerializer.Deserialize(stored[(newline + 1)..]);
            if (value is not null)
            {
                SetETag(value, stored[..newline]);
                result[keys[i]] = value;
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var db = _redis.GetDatabase();
        var ttl = ((long)_timeToLive.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var writes = new List<(string Key, object Value, string? Expected, string NewTag, Task<RedisResult> Result)>(changes.Count);
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(value, key);
            var expected = ExpectedETag(value);
            var newTag = Guid.NewGuid().ToString("N");
            var json = StateSerializer.Serialize(value is IDictionary<string, object> bag && bag.ContainsKey(BagETagKey) ? WithoutETag(bag) : value);
            var result = db.ScriptEvaluateAsync(CompareAndSetScript, [RedisKeyFor(key)], [expected ?? string.Empty, newTag, json, ttl]);
            writes.Add((key, value, expected, newTag, result));
        }

        await Task.WhenAll(writes.Select(w => w.Result)).ConfigureAwait(false);
        ETagConflictException? conflict = null;
        foreach (var (key, value, expected, newTag, result) in writes)
        {
            if (result.Result.IsNull)
            {
                SetETag(value, newTag);
            }
            else
            {
                conflict ??= new ETagConflictException(key, expected, (string?)result.Result);
            }
        }

        if (conflict is not null)
        {
            throw conflict;
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Length == 0 ? Task.CompletedTask : _redis.GetDatabase().KeyDeleteAsync(keys.Select(RedisKeyFor).ToArray());
    }

    private RedisKey RedisKeyFor(string key) => _prefix + key;

    /// <summary>The ETag a write must match: null means "nothing stored yet" (IStoreItem) or "*" (anything else without one).</summary>
    private static string? ExpectedETag(object value) => value switch
    {
        IStoreItem item => item.ETag,
        IDictionary<string, object> bag when bag.TryGetValue(BagETagKey, out var tag) && tag is string s => s,
        _ => "*",
    };

    private static void SetETag(object value, string etag)
    {
        if (value is IStoreItem item)
        {
            item.ETag = etag;
        }
        else if (value is IDictionary<string, object> bag && !bag.IsReadOnly)
        {
            bag[BagETagKey] = etag;
        }
    }

    private static Dictionary<string, object> WithoutETag(IDictionary<string, object> bag)
    {
        var copy = new Dictionary<string, object>(bag, StringComparer.Ordinal);
        copy.Remove(BagETagKey);
        return copy;
    }
}
