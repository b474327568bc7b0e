using StoryBot.Feedback;
using Xunit;

namespace StoryBot.Tests.Feedback;

/// <summary>The feedback store's time-ordered map: the oldest by the time it carries go first, whatever order they came in.</summary>
public sealed class OldestFirstMapTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Entries_come_out_by_their_time_not_by_when_they_were_added()
    {
        var map = new OldestFirstMap<string, string>(StringComparer.Ordinal);
        map.Set("late", "L", Noon.AddHours(2));
        map.Set("early", "E", Noon);
        map.Set("middle", "M", Noon.AddHours(1));

        Assert.Equal(new[] { "E", "M", "L" }, map.OldestFirst);
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_value_and_its_place()
    {
        var map = new OldestFirstMap<string, string>(StringComparer.Ordinal);
        map.Set("a", "first", Noon);
        map.Set("b", "other", Noon.AddMinutes(1));
        map.Set("a", "second", Noon.AddMinutes(2));

        Assert.Equal(2, map.Count);
        Assert.Equal(new[] { "other", "second" }, map.OldestFirst);
        Assert.True(map.TryGetValue("a", out var value, out var time));
        Assert.Equal(("second", Noon.AddMinutes(2)), (value, time));
    }

    [Fact]
    public void Expired_entries_and_those_past_the_bound_go_oldest_first_and_equal_times_keep_their_order()
    {
        var map = new OldestFirstMap<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            map.Set("k" + i, i, Noon.AddMinutes(i / 2)); // two entries per minute
        }

        map.RemoveOldestWhile(time => time < Noon.AddMinutes(1));
        Assert.Equal(new[] { 2, 3, 4, 5 }, map.OldestFirst);

        map.TrimTo(1);
        Assert.Equal(new[] { 5 }, map.OldestFirst);
        Assert.False(map.TryGetValue("k4", out _, out _));
    }
}
