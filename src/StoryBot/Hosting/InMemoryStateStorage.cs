using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StoryBot.Hosting;

/// <summary>A state object that can copy itself without serialization (see <see cref="InMemoryStateStorage"/>).</summary>
public interface IDeepCloneable
{
    object DeepClone();
}

/// <summary>
/// The SDK's <see cref="MemoryStorage"/> semantics — reads and writes hand out copies, so a turn's changes
/// count only once saved and concurrent turns never share objects; ETags of <see cref="IStoreItem"/>s are
/// checked — without its costs: MemoryStorage turns every value into a JObject on write and back on read
/// (two Newtonsoft passes with type names) under one global lock, about 15% of a StoryBot turn's CPU under
/// load, plus lock contention (docs/performance.md). Here values that implement
/// <see cref="IDeepCloneable"/> copy themselves, anything else still goes through JSON, and the store is
/// a concurrent dictionary. Process memory only, like MemoryStorage; <see cref="BoundedMemoryStorage"/>
/// wraps it to expire idle conversations.
/// </summary>
public sealed class InMemoryStateStorage : IStorage
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All });

    private readonly ConcurrentDictionary<string, object> _items = new(StringComparer.Ordinal);
    private readonly object _writeLock = new();
    private int _eTag;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var value) && value is not null)
            {
                result[key] = Copy(value);
            }
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var copy = Copy(value);
            if (copy is IStoreItem item)
            {
                // Optimistic concurrency as in MemoryStorage: a stale ETag (other than "*") is a conflict.
                lock (_writeLock)
                {
                    if (item.ETag is { Length: > 0 } etag && etag != "*" && _items.TryGetValue(key, out var old) && old is IStoreItem stored && stored.ETag != etag)
                    {
                        throw new InvalidOperationException($"Etag conflict.\r\n\r\nOriginal: {etag}\r\nCurrent: {stored.ETag}");
                    }

                    item.ETag = Interlocked.Increment(ref _eTag).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _items[key] = copy;
                }
            }
            else
            {
                _items[key] = copy;
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _items.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    /// <summary>Number of stored keys (conversations), for tests and diagnostics.</summary>
    public int Count => _items.Count;

    /// <summary>A copy that shares nothing mutable with <paramref name="value"/>.</summary>
    internal static object Copy(object value) => value switch
    {
        null => null!,
        string or bool or int or long or double or decimal or DateTime or DateTimeOffset or Guid => value,
        IDeepCloneable cloneable => cloneable.DeepClone(),
        // BotState's bag of properties: copy the bag, and each property by the rules above.
        IDictionary<string, object> bag when value.GetType() == typeof(Dictionary<string, object>) || value is ConcurrentDictionary<string, object> =>
            bag.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal),
        JToken token => token.DeepClone(),
        _ => JToken.FromObject(value, Serializer).ToObject(value.GetType(), Serializer)!,
    };
}
