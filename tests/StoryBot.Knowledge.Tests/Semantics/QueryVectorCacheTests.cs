using StoryBot.Knowledge.Semantics;
using Xunit;

namespace StoryBot.Knowledge.Tests.Semantics;

public sealed class QueryVectorCacheTests
{
    [Fact]
    public void RepeatedQuestion_IsEncodedOnce_AndTheCacheNeverGrowsPastItsCapacity()
    {
        var encoded = new List<string>();
        float[] Encode(string text)
        {
            encoded.Add(text);
            return new[] { (float)text.Length };
        }

        var cache = new QueryVectorCache(capacity: 2);
        cache.GetOrAdd("who did trump fire", Encode);
        cache.GetOrAdd("who did trump fire", Encode);
        cache.GetOrAdd("b", Encode);
        cache.GetOrAdd("c", Encode); // full: emptied, then "c" kept
        cache.GetOrAdd("who did trump fire", Encode);

        Assert.Equal(new[] { "who did trump fire", "b", "c", "who did trump fire" }, encoded);
    }

    [Fact]
    public void CapacityZero_EncodesEveryTime()
    {
        var calls = 0;
        var cache = new QueryVectorCache(0);
        cache.GetOrAdd("q", _ => new[] { (float)++calls });
        cache.GetOrAdd("q", _ => new[] { (float)++calls });

        Assert.Equal(2, calls);
    }
}
