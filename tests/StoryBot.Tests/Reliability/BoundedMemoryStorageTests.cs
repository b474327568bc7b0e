using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using StoryBot.Hosting;
using Xunit;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// Conversation state is bounded: idle conversations expire, and at most MaxConversations are held
/// (least recently used go first). Proven through the real host and on the storage itself.
/// </summary>
public sealed class BoundedMemoryStorageTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task The_host_holds_at_most_the_configured_number_of_conversations()
    {
        using var host = new BotHost(settings: new Dictionary<string, string?> { ["ConversationState:MaxConversations"] = "50" });
        using var client = host.CreateClient();
        for (var i = 0; i < 120; i++)
        {
            Assert.Equal(200, (await Activities.PostAsync(client, Activities.Json(Activities.Message("many-" + i, "Who did Trump fire?")))).Status);
        }

        var storage = host.Services.GetRequiredService<BoundedMemoryStorage>();
        Assert.Same(storage, host.Services.GetRequiredService<IStorage>());
        Assert.InRange(storage.Count, 1, 50);
        Assert.True(storage.Evicted >= 70);

        // The most recent conversation kept its memory: "tell me more" follows its last answer.
        var last = await Activities.PostAsync(client, Activities.Json(Activities.Message("many-119", "tell me more")));
        Assert.Equal("more", (string?)Activities.ReplyEntity(Activities.Replies(last.Body).Single())!["intent"]);
    }

    [Fact]
    public async Task Idle_conversations_expire_and_come_back_as_new()
    {
        var clock = new ManualClock();
        using var host = new BotHost(
            settings: new Dictionary<string, string?> { ["ConversationState:IdleMinutes"] = "30", ["ConversationState:SweepSeconds"] = "60" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = host.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            await Activities.PostAsync(client, Activities.Json(Activities.Message("idle-" + i, "Who did Trump fire?")));
        }

        var storage = host.Services.GetRequiredService<BoundedMemoryStorage>();
        Assert.Equal(10, storage.Count);
        clock.Now += TimeSpan.FromMinutes(45);
        await Activities.PostAsync(client, Activities.Json(Activities.Message("fresh", "Who did Trump fire?")));
        Assert.Equal(1, storage.Count); // the ten idle ones were swept on this write

        // An expired conversation simply starts again: no error, a normal answer.
        var back = await Activities.PostAsync(client, Activities.Json(Activities.Message("idle-3", "Who did Trump fire?")));
        Assert.Equal(200, back.Status);
        Assert.NotNull(Activities.ReplyEntity(Activities.Replies(back.Body).Single()));
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task Least_recently_used_entries_go_first_when_over_the_cap()
    {
        var clock = new ManualClock();
        var storage = new BoundedMemoryStorage(TimeSpan.FromHours(1), maxEntries: 10, sweepInterval: TimeSpan.FromHours(1), clock);
        for (var i = 0; i < 10; i++)
        {
            clock.Now += TimeSpan.FromSeconds(1);
            await storage.WriteAsync(new Dictionary<string, object> { ["k" + i] = new { n = i } });
        }

        clock.Now += TimeSpan.FromSeconds(1);
        await storage.ReadAsync(["k0"]); // k0 used again: k1 is now the least recently used
        clock.Now += TimeSpan.FromSeconds(1);
        await storage.WriteAsync(new Dictionary<string, object> { ["k10"] = new { n = 10 } });

        Assert.InRange(storage.Count, 1, 10);
        var left = await storage.ReadAsync(Enumerable.Range(0, 11).Select(i => "k" + i).ToArray());
        Assert.Contains("k0", left.Keys);
        Assert.Contains("k10", left.Keys);
        Assert.DoesNotContain("k1", left.Keys);
    }
}
