using StoryBot.Knowledge.Indexing;
using Xunit;

namespace StoryBot.Knowledge.Tests.Indexing;

/// <summary>A word-level memo keyed by what users type keeps at most its bound and still answers every key.</summary>
public class BoundedMemoTests
{
    [Fact]
    public void Keep_PastTheBound_ReturnsTheValue_ButDoesNotKeepIt()
    {
        var memo = new BoundedMemo<string, int>(2, StringComparer.Ordinal);

        Assert.Equal(1, memo.Keep("a", 1));
        Assert.Equal(2, memo.Keep("b", 2));
        Assert.Equal(3, memo.Keep("c", 3));

        Assert.Equal(2, memo.Count);
        Assert.True(memo.TryGet("a", out var a) && a == 1);
        Assert.False(memo.TryGet("c", out _));
    }

    [Fact]
    public void Keep_AKeptKey_ReturnsTheFirstResult()
    {
        var memo = new BoundedMemo<string, string>(10, StringComparer.Ordinal);

        memo.Keep("word", "first");

        Assert.Equal("first", memo.Keep("word", "second"));
        Assert.Equal(1, memo.Count);
    }

    /// <summary>
    /// Under contention a slot reserved by a thread that then lost its key to another may leave the memo one short for a
    /// moment (a later key takes the slot), never over the bound; every kept value is its key's.
    /// </summary>
    [Fact]
    public void Keep_FromManyThreads_NeverKeepsMoreThanTheBound()
    {
        var memo = new BoundedMemo<int, int>(1_000);

        Parallel.For(0, 20_000, i => memo.Keep(i % 5_000, i % 5_000));

        Assert.InRange(memo.Count, 1, 1_000);
        for (var i = 0; i < 5_000; i++)
        {
            Assert.True(!memo.TryGet(i, out var v) || v == i);
        }

        for (var i = 5_000; i < 6_000; i++)
        {
            memo.Keep(i, i);
        }

        Assert.Equal(1_000, memo.Count); // no slot is lost for good
    }
}
