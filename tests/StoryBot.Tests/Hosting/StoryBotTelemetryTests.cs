using System.Net;
using StoryBot.Tests.Reliability;
using Xunit;

namespace StoryBot.Tests.Hosting;

/// <summary>Metrics export: a Prometheus scrape endpoint only when configured, carrying the bot's turn metrics.</summary>
public sealed class StoryBotTelemetryTests
{
    [Fact]
    public async Task The_scrape_endpoint_is_off_by_default()
    {
        using var host = new StoryBotHost();
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/metrics");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task When_enabled_the_scrape_endpoint_counts_turns_by_channel_and_intent()
    {
        using var host = new StoryBotHost(new Dictionary<string, string?> { ["Metrics:Prometheus:Enabled"] = "true" });
        using var client = host.CreateClient();
        Assert.Equal(200, (await Activities.PostAsync(client, Activities.Json(Activities.Message("metrics-1", "who did Trump fire?")))).Status);

        using var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("storybot_turns_total{", body);
        Assert.Contains("channel=\"emulator\"", body);
        Assert.Contains("intent=\"answer\"", body);
        Assert.Contains("storybot_turn_duration_seconds_bucket{", body);
        Assert.Contains("storybot_turn_queue_wait_seconds_count", body);
    }

    [Fact]
    public async Task A_malformed_exporter_setting_stops_the_start_with_one_line_naming_the_key()
    {
        using var bot = BotProcess.Start(new Dictionary<string, string?> { ["Metrics__Otlp__Endpoint"] = "not a url" });
        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host kept running with a bad exporter setting");
        Assert.Equal(1, bot.ExitCode);
        Assert.Equal("StoryBot cannot start: Metrics:Otlp:Endpoint 'not a url' is not an absolute URL.", bot.Stderr.Trim());
    }
}
