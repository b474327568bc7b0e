using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using StoryBot.Hosting;
using Xunit;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// Rate limiting (ASP.NET Core's built-in limiter, partitioned by conversation): 429 with Retry-After
/// and a problem body once a conversation exceeds its permits, other conversations (same client, same
/// IP) unaffected, /healthz exempt, off unless turned on in test and benchmark environments.
/// </summary>
public sealed class StoryBotReliabilityTests
{
    private static Dictionary<string, string?> RateLimited(int permits = 3, int windowSeconds = 30) => new()
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:PermitLimit"] = permits.ToString(),
        ["RateLimiting:WindowSeconds"] = windowSeconds.ToString(),
    };

    [Fact]
    public async Task A_conversation_over_its_limit_gets_429_with_retry_after_and_others_are_not_affected()
    {
        using var host = new BotHost(settings: RateLimited());
        using var client = host.CreateClient();
        var statuses = new List<int>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsync("/api/messages", Activities.Json(Activities.Message("busy", "Who did Trump fire?")));
            statuses.Add((int)response.StatusCode);
            if ((int)response.StatusCode == 429)
            {
                rejected ??= response;
            }
        }

        Assert.Equal(new[] { 200, 200, 200, 429, 429 }, statuses);
        Assert.NotNull(rejected);
        var retryAfter = rejected!.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retryAfter.TotalSeconds, 1, 30);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var body = await rejected.Content.ReadAsStringAsync();
        Assert.Equal(429, (int)JsonNode.Parse(body)!["status"]!);
        ActivityRequestValidationTests.AssertNoLeak("429", body);

        // Same client, same IP, another conversation: served. /healthz: never limited.
        var other = await Activities.PostAsync(client, Activities.Json(Activities.Message("calm", "Who did Trump fire?")));
        Assert.Equal(200, other.Status);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(200, (int)(await client.GetAsync("/healthz")).StatusCode);
        }

        // The same conversation id on another channel is another conversation.
        var teams = Activities.Message("busy", "Who did Trump fire?");
        teams["channelId"] = "webchat";
        Assert.Equal(200, (await Activities.PostAsync(client, Activities.Json(teams))).Status);
    }

    [Fact]
    public async Task The_window_replenishes()
    {
        using var host = new BotHost(settings: RateLimited(permits: 2, windowSeconds: 1));
        using var client = host.CreateClient();
        async Task<int> Send() => (await Activities.PostAsync(client, Activities.Json(Activities.Message("pulse", "hello")))).Status;
        Assert.Equal(200, await Send());
        Assert.Equal(200, await Send());
        Assert.Equal(429, await Send());
        await Task.Delay(TimeSpan.FromMilliseconds(1300));
        Assert.Equal(200, await Send());
    }

    [Theory]
    [InlineData("Test", null, false)]
    [InlineData("Benchmark", null, false)]
    [InlineData("Development", null, false)]
    [InlineData("Production", null, true)]
    [InlineData("Staging", "auto", true)]
    [InlineData("Production", "false", false)]
    [InlineData("Test", "true", true)]
    public void Rate_limiting_is_off_in_test_and_benchmark_profiles_unless_turned_on(string environment, string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = setting })
            .Build();
        Assert.Equal(expected, ReliabilityOptions.From(configuration, environment).RateLimitingEnabled);
    }

    [Fact]
    public async Task With_the_shipped_settings_in_the_test_environment_nothing_is_limited()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["RateLimiting:Enabled"] = null });
        using var client = host.CreateClient();
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(200, (await Activities.PostAsync(client, Activities.Json(Activities.Message("unlimited", "hi")))).Status);
        }
    }

    [Fact]
    public async Task An_activity_over_the_size_limit_is_refused_before_it_is_read()
    {
        using var host = new BotHost();
        using var client = host.CreateClient();
        var big = Activities.Json(Activities.Message("big", new string('z', new ReliabilityOptions().MaxActivityBytes)));
        var (status, body) = await Activities.PostAsync(client, big);
        Assert.Equal(413, status);
        Assert.Contains("256 KB", body);
    }
}
