using StoryBot.Feedback;
using Xunit;

namespace StoryBot.Tests.Feedback;

/// <summary>Sent answers' ids: 16 hex digits, never repeated, also across the refills of the random block.</summary>
public sealed class AnswerIdsTests
{
    [Fact]
    public void Ids_are_sixteen_hex_digits_and_do_not_repeat_across_several_blocks()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => AnswerIds.Next()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{16}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Ids_drawn_on_different_threads_differ()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 100).Select(_ => AnswerIds.Next()).ToList())));

        var all = ids.SelectMany(x => x).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }
}
