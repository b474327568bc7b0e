using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// The host process itself: it refuses to start with one clear message naming the path when the story
/// is missing or unreadable, and a SIGTERM lets an in-flight turn finish before the process exits.
/// </summary>
public sealed class ProgramTests
{
    private readonly ITestOutputHelper _output;

    public ProgramTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> BadStories() => new() { "missing", "not UTF-8", "empty", "folder without stories" };

    [Theory]
    [MemberData(nameof(BadStories))]
    public async Task A_missing_or_unreadable_story_stops_the_start_with_one_clear_message_naming_the_path(string kind)
    {
        var dir = Directory.CreateTempSubdirectory("storybot-rel-story-").FullName;
        var path = Path.Combine(dir, "story.txt");
        switch (kind)
        {
            case "not UTF-8":
                File.WriteAllBytes(path, [0x54, 0x68, 0x65, 0xFF, 0xFE, 0xC3, 0x28, 0x20, 0x65, 0x6E, 0x64, 0x2E]);
                break;
            case "empty":
                File.WriteAllText(path, "");
                break;
            case "folder without stories":
                path = dir;
                break;
        }

        try
        {
            using var bot = BotProcess.Start(new Dictionary<string, string?> { ["Story__Path"] = path });
            Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host kept running with a bad story");
            var errorLines = bot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            _output.WriteLine($"exit {bot.ExitCode}; stderr: {bot.Stderr}");
            Assert.Equal(1, bot.ExitCode);
            Assert.Single(errorLines);
            Assert.StartsWith("StoryBot cannot start: ", errorLines[0]);
            Assert.Contains(path, errorLines[0]);
            Assert.DoesNotContain("   at ", bot.Stdout + bot.Stderr);
            Assert.DoesNotContain("Now listening", bot.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Sigterm_lets_in_flight_turns_finish_before_the_process_exits()
    {
        await using var connector = await CapturingConnector.StartAsync();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connector.Behaviour = async (conversation, _) =>
        {
            if (conversation.StartsWith("inflight", StringComparison.Ordinal))
            {
                inFlight.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(2)); // the reply is still being delivered when SIGTERM arrives
            }

            return null;
        };

        using var bot = BotProcess.Start();
        await bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var turns = Enumerable.Range(0, 3).Select(i => Activities.PostAsync(client, Activities.Json(Activities.Message("inflight-" + i, "Who did Trump fire at the FBI?", connector.ServiceUrl, expectReplies: false)))).ToList();
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(200);
        bot.Terminate();

        var results = await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the process did not stop after SIGTERM");
        _output.WriteLine($"statuses {string.Join(",", results.Select(r => r.Status))}; exit {bot.ExitCode}");
        Assert.All(results, r => Assert.Equal(200, r.Status));
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains(connector.For("inflight-" + i), r => Activities.ReplyEntity(r.Activity) is not null);
        }

        Assert.Equal(0, bot.ExitCode);
        Assert.Contains("Application is shutting down", bot.Stdout);
        Assert.DoesNotContain("fail:", bot.Stdout);
    }
}
