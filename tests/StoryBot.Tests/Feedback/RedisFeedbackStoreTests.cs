using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;
using StoryBot.Feedback;
using StoryBot.Tests.DirectLine;
using StoryBot.Tests.Reliability;
using StoryBot.Tests.Storage;
using StoryBot.Tests.Teams;
using Xunit;

namespace StoryBot.Tests.Feedback;

/// <summary>
/// Ratings in a real redis-server (Storage:Kind=redis): replaced per user and answer, expired by Redis after
/// Feedback:RetentionDays, one salt for every instance (SET NX), and a bot's rating read by the <c>feedback</c>
/// command running as a process of its own.
/// </summary>
public sealed class RedisFeedbackStoreTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;
    private readonly string _prefix = RedisServerFixture.NewPrefix();
    private readonly ManualClock _clock = new();

    public RedisFeedbackStoreTests(RedisServerFixture redis) => _redis = redis;

    [Fact]
    public async Task A_users_second_rating_of_an_answer_replaces_the_first_and_each_rating_expires_with_the_retention()
    {
        var store = Store(retentionDays: 30);

        await store.AddOrReplaceAsync(Rating("a1", "u1", "dislike"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await store.AddOrReplaceAsync(Rating("a1", "u1", "like"));
        await store.AddOrReplaceAsync(Rating("a1", "u2", "dislike"));

        var ratings = await store.ListAsync();
        Assert.Equal(new[] { ("u1", "like"), ("u2", "dislike") }, ratings.Select(r => (r.User, r.Reaction)).OrderBy(x => x.User));
        var ttl = await _redis.Connection.GetDatabase().KeyTimeToLiveAsync(_prefix + "feedback:rating:a1|u1");
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task Ratings_past_the_retention_are_no_longer_listed()
    {
        var store = Store(retentionDays: 2);
        await store.AddOrReplaceAsync(Rating("old", "u1", "dislike"));
        _clock.Advance(TimeSpan.FromDays(1));
        await store.AddOrReplaceAsync(Rating("new", "u1", "dislike"));

        _clock.Advance(TimeSpan.FromDays(1.5));

        Assert.Equal("new", Assert.Single(await store.ListAsync()).AnswerId);
        await store.AddOrReplaceAsync(Rating("newer", "u1", "like")); // a write prunes the index too
        Assert.Equal(2, await _redis.Connection.GetDatabase().SortedSetLengthAsync(_prefix + "feedback:ratings"));
    }

    [Fact]
    public async Task Every_instance_gets_the_same_salt_made_once()
    {
        var first = await Store().GetOrCreateSaltAsync();
        var second = await Store().GetOrCreateSaltAsync();

        Assert.True(first.Length >= 32);
        Assert.Equal(first, second);
        Assert.Equal(first, (string?)await _redis.Connection.GetDatabase().StringGetAsync(_prefix + "feedback:salt"));
    }

    [Fact]
    public async Task A_Teams_rating_kept_by_the_bot_is_reported_by_the_feedback_command_running_as_its_own_process()
    {
        await using var connector = await CapturingConnector.StartAsync();
        using var host = new BotHost(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = string.Empty,
            ["Storage:Kind"] = "redis",
            ["Storage:Redis:Configuration"] = _redis.Configuration,
            ["Storage:Redis:KeyPrefix"] = _prefix,
        });
        using var http = host.CreateClient();
        var question = Payloads.Load("personal-message");
        question["serviceUrl"] = connector.ServiceUrl;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, question)).StatusCode);
        Assert.True(await connector.WaitForAsync(r => r.Count == 1, TimeSpan.FromSeconds(10)));
        var feedback = Payloads.Load("personal-feedback-submit-action");
        feedback["serviceUrl"] = connector.ServiceUrl;
        feedback["replyToId"] = connector.Replies.Single().ReturnedId;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, feedback)).StatusCode);
        Assert.Equal("dislike", Assert.Single(await host.Services.GetRequiredService<IFeedbackStore>().ListAsync()).Reaction);

        var (code, output) = await RunFeedbackCommandAsync();
        Assert.True(code == 0, output);
        Assert.Contains("Reading the ratings kept in Redis", output);
        Assert.Contains("dislike ×1: \"who did Trump fire?\" (answer", output);
        Assert.Contains($"cited: ap-2017-05-trump-lavrov paragraph 8, sentence 8: \"{Repo.ComeySentence}\"", output);
        Assert.Contains("comment: \"It named the wrong person.\"", output);
    }

    private async Task<(int Code, string Output)> RunFeedbackCommandAsync()
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        info.ArgumentList.Add(ReliabilityPaths.HostDll);
        info.ArgumentList.Add("feedback");
        info.Environment["STORYBOT_ROOT"] = Repo.Root;
        info.Environment["Storage__Kind"] = "redis";
        info.Environment["Storage__Redis__Configuration"] = _redis.Configuration;
        info.Environment["Storage__Redis__KeyPrefix"] = _prefix;
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, JObject activity) =>
        http.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));

    private RedisFeedbackStore Store(int retentionDays = 90) =>
        new(_redis.Connection, _prefix, new FeedbackOptions { RetentionDays = retentionDays }, _clock);

    private FeedbackRecord Rating(string answer, string user, string reaction) => FeedbackRecords.Rating(answer, user, reaction, _clock.GetUtcNow());
}
