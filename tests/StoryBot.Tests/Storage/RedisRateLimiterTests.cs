using StoryBot.Tests.Reliability;
using Xunit;

namespace StoryBot.Tests.Storage;

/// <summary>With <c>Storage:Kind=redis</c> a conversation's rate limit is counted once for all instances.</summary>
public sealed class RedisRateLimiterTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisRateLimiterTests(RedisServerFixture redis) => _redis = redis;

    [Fact]
    public async Task A_conversation_spread_over_two_instances_gets_its_permit_limit_once_then_429_with_retry_after()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "redis",
            ["Storage:Redis:Configuration"] = _redis.Configuration,
            ["Storage:Redis:KeyPrefix"] = RedisServerFixture.NewPrefix(),
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = "4",
            ["RateLimiting:WindowSeconds"] = "60",
        };
        using var a = new BotHost(settings: settings);
        using var b = new BotHost(settings: settings);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        var statuses = new List<int>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await (i % 2 == 0 ? clientA : clientB).PostAsync("/api/messages", Activities.Json(Activities.Message("limited", "hi")));
            statuses.Add((int)last.StatusCode);
        }

        Assert.Equal([200, 200, 200, 200, 429, 429], statuses);
        Assert.InRange(int.Parse(last!.Headers.RetryAfter!.ToString()), 1, 60);
        Assert.Equal(200, (await Activities.PostAsync(clientB, Activities.Json(Activities.Message("another", "hi")))).Status); // per conversation
        last.Dispose();
    }
}
