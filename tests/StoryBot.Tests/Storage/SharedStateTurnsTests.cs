using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StoryBot.Bots;
using StoryBot.Hosting;
using StoryBot.Storage;
using StoryBot.Tests.Reliability;
using Xunit;

namespace StoryBot.Tests.Storage;

/// <summary>
/// A turn whose save loses to another instance is run again on the newer state, and only the rerun's
/// replies are sent: the user sees one answer, and neither instance's update is lost.
/// </summary>
public sealed class SharedStateTurnsTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public SharedStateTurnsTests(RedisServerFixture redis) => _redis = redis;

    [Fact]
    public async Task A_turn_that_loses_its_save_to_another_instance_reruns_and_answers_once()
    {
        var prefix = RedisServerFixture.NewPrefix();
        var key = "emulator/conversations/contested";
        CompetingStorage? competing = null;
        using var host = new BotHost(
            settings: new Dictionary<string, string?>
            {
                ["Storage:Kind"] = "redis",
                ["Storage:Redis:Configuration"] = _redis.Configuration,
                ["Storage:Redis:KeyPrefix"] = prefix,
            },
            services: services => services.AddSingleton<IStorage>(sp => competing = new CompetingStorage(
                new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(), prefix, TimeSpan.FromMinutes(5)), key)));
        using var client = host.CreateClient();
        await Activities.AskAsync(client, "contested", "who is sally yates?");

        var writesBefore = competing!.Writes;
        competing.CompeteOnNextWrite = true; // "another instance" saves this conversation while the next turn runs
        var (status, body) = await Activities.PostAsync(client, Activities.Json(Activities.Message("contested", "tell me more")));

        Assert.Equal(200, status);
        var reply = Assert.Single(Activities.Replies(body)); // the lost run's reply was never sent
        Assert.Equal("more", Activities.Intent(reply));
        Assert.Equal(writesBefore + 2, competing.Writes); // the losing save, then the rerun's
        var saved = (ConversationData)((IDictionary<string, object>)(await competing.ReadAsync([key]))[key])[nameof(ConversationData)];
        Assert.Equal(101, saved.Memory.Turns); // the other instance's 100 turns, then this one: no update lost
        Assert.Empty(host.Logs.Errors);
    }

    /// <summary>The Redis store, with a second writer that saves the conversation just before the bot's next save.</summary>
    private sealed class CompetingStorage(RedisStorage inner, string key) : IStorage
    {
        public bool CompeteOnNextWrite { get; set; }

        public int Writes { get; private set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Writes++;
            if (CompeteOnNextWrite)
            {
                CompeteOnNextWrite = false;
                var theirs = await inner.ReadAsync([key], cancellationToken);
                ((ConversationData)((IDictionary<string, object>)theirs[key])[nameof(ConversationData)]).Memory.Turns = 100;
                await inner.WriteAsync(theirs, cancellationToken);
            }

            await inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
