using System.Net;
using System.Text.Json.Nodes;
using StoryBot.Hosting;
using StoryBot.Tests.Reliability;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Storage;

/// <summary>
/// Redis restarted under a running bot: while it is gone every turn gets a short "temporarily unavailable"
/// reply or a 503 problem body (never a 500, never a stack trace), <c>/healthz</c> says the store is
/// unhealthy, and once Redis is back the bot answers again by itself, with no restart.
/// </summary>
public sealed class RedisOutageTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;
    private readonly ITestOutputHelper _output;

    public RedisOutageTests(RedisServerFixture redis, ITestOutputHelper output)
    {
        _redis = redis;
        _output = output;
    }

    [Fact]
    public async Task Redis_restarted_during_a_run_gives_clean_errors_and_the_bot_recovers_by_itself()
    {
        using var bot = BotProcess.Start(new Dictionary<string, string?>
        {
            ["Storage__Kind"] = "redis",
            ["Storage__Redis__Configuration"] = _redis.Configuration,
            ["Storage__Redis__KeyPrefix"] = RedisServerFixture.NewPrefix(),
        });
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal("answer", Activities.Intent(await Activities.AskAsync(client, "before", "who is sally yates?")));

        // A steady stream of turns through the whole outage.
        using var stop = new CancellationTokenSource();
        var outcomes = new List<string>();
        var load = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                outcomes.Add(await OutcomeAsync(client, "during-" + (i % 5)));
                await Task.Delay(50);
            }
        });

        _redis.Stop();
        await Task.Delay(TimeSpan.FromSeconds(1));
        using (var health = await client.GetAsync("/healthz"))
        {
            var body = await health.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("unhealthy", body);
        }

        Assert.Equal("unavailable", await OutcomeAsync(client, "down"));
        using (var page = await client.PostAsync("/api/directline/token", null))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("application/problem+json", page.Content.Headers.ContentType?.MediaType);
        }

        await _redis.StartAsync();
        var recovered = await WaitUntilAsync(async () => await OutcomeAsync(client, "after") == "answer", TimeSpan.FromSeconds(30));
        stop.Cancel();
        await load;

        _output.WriteLine(string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(recovered, "the bot did not answer again after Redis came back");
        using (var health = await client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.All(outcomes, o => Assert.Contains(o, new[] { "answer", "unavailable", "503" }));
        _output.WriteLine(bot.Stdout + bot.Stderr);
        Assert.DoesNotContain("   at ", bot.Stdout + bot.Stderr);
    }

    /// <summary>"answer", "unavailable" (the short reply), "503" (problem body) or anything else verbatim.</summary>
    private static async Task<string> OutcomeAsync(HttpClient client, string conversation)
    {
        using var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message(conversation, "who is sally yates?")));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains("\"status\":503", StringComparison.Ordinal))
        {
            return "503";
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"{(int)response.StatusCode} {body}";
        }

        var reply = Activities.Replies(body).SingleOrDefault();
        return reply is null ? "no reply"
            : (string?)reply["text"] == SharedStateTurns.UnavailableText ? "unavailable"
            : Activities.Intent(reply) == "answer" ? "answer"
            : "other: " + (string?)reply["text"];
    }


    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
