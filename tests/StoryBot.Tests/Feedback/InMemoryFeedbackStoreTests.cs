using StoryBot.Feedback;
using StoryBot.Tests.DirectLine;
using Xunit;

namespace StoryBot.Tests.Feedback;

/// <summary>The in-process store: a user's new rating replaces the old, retention and the size bound drop the oldest, one salt.</summary>
public sealed class InMemoryFeedbackStoreTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task A_second_rating_by_the_same_user_of_the_same_answer_replaces_the_first_and_another_users_does_not()
    {
        var store = new InMemoryFeedbackStore(new FeedbackOptions(), _clock);

        await store.AddOrReplaceAsync(Rating("a1", "u1", "dislike"));
        await store.AddOrReplaceAsync(Rating("a1", "u1", "like"));
        await store.AddOrReplaceAsync(Rating("a1", "u2", "dislike"));

        var ratings = await store.ListAsync();
        Assert.Equal(new[] { ("u1", "like"), ("u2", "dislike") }, ratings.Select(r => (r.User, r.Reaction)).OrderBy(x => x.User));
    }

    [Fact]
    public async Task Ratings_older_than_the_retention_are_dropped()
    {
        var store = new InMemoryFeedbackStore(new FeedbackOptions { RetentionDays = 2 }, _clock);
        await store.AddOrReplaceAsync(Rating("old", "u1", "dislike"));
        _clock.Advance(TimeSpan.FromDays(1));
        await store.AddOrReplaceAsync(Rating("new", "u1", "dislike"));

        _clock.Advance(TimeSpan.FromDays(1.5));

        Assert.Equal("new", Assert.Single(await store.ListAsync()).AnswerId);
    }

    [Fact]
    public async Task Past_the_bound_the_oldest_ratings_go_first()
    {
        var store = new InMemoryFeedbackStore(new FeedbackOptions { MaxRatings = 3 }, _clock);
        foreach (var answer in new[] { "a1", "a2", "a3", "a4", "a5" })
        {
            await store.AddOrReplaceAsync(Rating(answer, "u1", "like"));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(new[] { "a3", "a4", "a5" }, (await store.ListAsync()).Select(r => r.AnswerId));
    }

    [Fact]
    public async Task The_salt_is_made_once_and_is_not_empty()
    {
        var store = new InMemoryFeedbackStore(new FeedbackOptions(), _clock);

        var first = await store.GetOrCreateSaltAsync();

        Assert.True(first.Length >= 32);
        Assert.Equal(first, await store.GetOrCreateSaltAsync());
        Assert.NotEqual(first, await new InMemoryFeedbackStore(new FeedbackOptions(), _clock).GetOrCreateSaltAsync());
    }

    [Fact]
    public async Task The_JSON_Lines_file_reads_back_the_latest_rating_per_user_and_answer_and_skips_a_torn_line()
    {
        using var folder = new ScratchFolder();
        var file = new FeedbackJsonLinesFile(Path.Combine(folder.Path, "sub", "feedback.jsonl"));
        await file.AppendAsync(Rating("a1", "u1", "dislike"));
        await file.AppendAsync(Rating("a1", "u1", "like"));
        File.AppendAllText(file.Path, "{\"answerId\":\"torn"); // a crash mid-write

        var (records, skipped) = await file.ReadAsync(TimeSpan.FromDays(90), _clock.GetUtcNow());

        Assert.Equal("like", Assert.Single(records).Reaction);
        Assert.Equal(1, skipped);
    }

    private FeedbackRecord Rating(string answer, string user, string reaction) => FeedbackRecords.Rating(answer, user, reaction, _clock.GetUtcNow());
}
