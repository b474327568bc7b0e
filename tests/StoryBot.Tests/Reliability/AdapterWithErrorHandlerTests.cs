using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// Faults on the channel side: the serviceUrl is down (connection refused), slow (longer than
/// Connector:TimeoutSeconds) or answers 500. The failure is logged, the turn ends within the bounded
/// timeout, and the bot keeps serving every other conversation meanwhile.
/// </summary>
public sealed class AdapterWithErrorHandlerTests
{
    private readonly ITestOutputHelper _output;

    public AdapterWithErrorHandlerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_slow_service_url_times_out_within_the_configured_bound_while_others_are_served()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["Connector:TimeoutSeconds"] = "1" });
        using var client = host.CreateClient();
        await using var connector = await CapturingConnector.StartAsync();
        using var release = new CancellationTokenSource();
        connector.Behaviour = async (conversation, ct) =>
        {
            if (conversation.StartsWith("slow", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(20), CancellationTokenSource.CreateLinkedTokenSource(ct, release.Token).Token).ContinueWith(_ => { });
            }

            return null;
        };

        var clock = Stopwatch.StartNew();
        var slow = Activities.PostAsync(client, Activities.Json(Activities.Message("slow-1", "Who did Trump fire at the FBI?", connector.ServiceUrl, expectReplies: false)));
        var others = Enumerable.Range(0, 20).Select(i => Activities.PostAsync(client, Activities.Json(Activities.Message("fine-" + i, "Who is Sergey Lavrov meeting?", connector.ServiceUrl, expectReplies: false)))).ToList();
        var otherResults = await Task.WhenAll(others);
        var othersDone = clock.Elapsed;
        var (slowStatus, _) = await slow.WaitAsync(TimeSpan.FromSeconds(15));
        var slowDone = clock.Elapsed;
        release.Cancel();
        _output.WriteLine($"others served in {othersDone.TotalMilliseconds:0} ms; slow turn ended after {slowDone.TotalMilliseconds:0} ms with {slowStatus}");

        Assert.All(otherResults, r => Assert.Equal(200, r.Status));
        Assert.Equal(20, connector.Replies.Count(r => r.ConversationId.StartsWith("fine-", StringComparison.Ordinal)));
        Assert.True(othersDone < TimeSpan.FromSeconds(3), $"others took {othersDone}: they waited for the slow conversation"); // the slow connector holds its call 20 s
        Assert.True(slowDone < TimeSpan.FromSeconds(5), $"the slow turn was not bounded: {slowDone}");
        Assert.InRange(slowStatus, 200, 299);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Could not deliver a reply", StringComparison.Ordinal) && e.Message.Contains("timed out", StringComparison.Ordinal));

        // The same conversation works again once its connector answers.
        connector.Behaviour = null;
        var (again, _) = await Activities.PostAsync(client, Activities.Json(Activities.Message("slow-1", "Who did Trump fire at the FBI?", connector.ServiceUrl, expectReplies: false)));
        Assert.Equal(200, again);
        Assert.Contains(connector.For("slow-1"), r => Activities.ReplyEntity(r.Activity) is not null);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task A_service_url_that_is_down_or_failing_is_logged_and_the_bot_keeps_serving()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["Connector:TimeoutSeconds"] = "2" });
        using var client = host.CreateClient();
        await using var connector = await CapturingConnector.StartAsync();
        connector.Behaviour = (conversation, _) => Task.FromResult<int?>(conversation.StartsWith("fail", StringComparison.Ordinal) ? 500 : null);
        var down = CapturingConnector.DownServiceUrl();

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(
            Activities.PostAsync(client, Activities.Json(Activities.Message("down-1", "Who did Trump fire at the FBI?", down, expectReplies: false))),
            Activities.PostAsync(client, Activities.Json(Activities.Message("fail-1", "Who did Trump fire at the FBI?", connector.ServiceUrl, expectReplies: false))),
            Activities.PostAsync(client, Activities.Json(Activities.Message("ok-1", "Who did Trump fire at the FBI?", connector.ServiceUrl, expectReplies: false))));
        _output.WriteLine($"statuses {string.Join(",", results.Select(r => r.Status))} in {clock.ElapsedMilliseconds} ms");

        Assert.All(results, r => Assert.InRange(r.Status, 200, 299));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Single(connector.For("ok-1"));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("Could not deliver a reply", StringComparison.Ordinal) && e.Message.Contains("down-1", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("Could not deliver a reply", StringComparison.Ordinal) && e.Message.Contains("fail-1", StringComparison.Ordinal) && e.Message.Contains("500", StringComparison.Ordinal));

        // Still answering correctly afterwards.
        var (status, body) = await Activities.PostAsync(client, Activities.Json(Activities.Message("after", "Who did Trump fire at the FBI?")));
        Assert.Equal(200, status);
        Assert.Contains("Comey", (string?)Activities.ReplyEntity(Activities.Replies(body)[0])!["citations"]![0]!["text"]);
        Assert.Empty(host.Logs.Errors);
    }
}
