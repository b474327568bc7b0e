using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StoryBot.Hosting;
using StoryBot.Storage;
using StoryBot.Tests.Reliability;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Storage;

/// <summary>
/// <c>Storage:Kind</c>: memory by default with nothing else created, Redis with one shared connection, and
/// a bot told to use a Redis it cannot reach refuses to start with one line (never falls back to memory).
/// </summary>
public sealed class StoryBotStorageTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;
    private readonly ITestOutputHelper _output;

    public StoryBotStorageTests(RedisServerFixture redis, ITestOutputHelper output)
    {
        _redis = redis;
        _output = output;
    }

    [Fact]
    public void By_default_state_is_in_bounded_memory_and_no_Redis_connection_is_registered()
    {
        using var provider = Registered(new Dictionary<string, string?>()).BuildServiceProvider();

        Assert.IsType<BoundedMemoryStorage>(provider.GetRequiredService<IStorage>());
        Assert.Equal(StorageKind.Memory, provider.GetRequiredService<StorageOptions>().Kind);
    }

    [Fact]
    public void With_Kind_redis_the_state_and_every_other_Redis_user_share_one_connection_and_prefix()
    {
        using var provider = Registered(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "redis",
            ["Storage:Redis:Configuration"] = _redis.Configuration,
            ["Storage:Redis:KeyPrefix"] = "bot2:",
        }).BuildServiceProvider();

        Assert.IsType<RedisStorage>(provider.GetRequiredService<IStorage>());
        Assert.Same(provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<IConnectionMultiplexer>());
        Assert.Equal("bot2:", provider.GetRequiredService<StorageOptions>().KeyPrefix);
    }

    [Theory]
    [InlineData("cassandra", "", "Storage:Kind must be 'memory' or 'redis'")]
    [InlineData("redis", "", "Storage:Redis:Configuration is empty")]
    public void A_wrong_storage_setting_is_one_clear_sentence(string kind, string configuration, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Kind"] = kind, ["Storage:Redis:Configuration"] = configuration };

        var error = Assert.Throws<InvalidOperationException>(() => StorageOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_conversation_on_the_Redis_store_keeps_its_follow_up_context_in_Redis()
    {
        var prefix = RedisServerFixture.NewPrefix();
        using var host = new BotHost(settings: new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "redis",
            ["Storage:Redis:Configuration"] = _redis.Configuration,
            ["Storage:Redis:KeyPrefix"] = prefix,
        });
        using var client = host.CreateClient();

        await Activities.PostAsync(client, Activities.Json(Activities.Message("redis-follow-up", "who is sally yates?")));
        var followUp = await Activities.PostAsync(client, Activities.Json(Activities.Message("redis-follow-up", "when did she testify?")));

        Assert.Contains("Monday", (string?)Activities.Replies(followUp.Body).Single()["text"]);
        Assert.True(await _redis.Connection.GetDatabase().KeyExistsAsync(prefix + "state:emulator/conversations/redis-follow-up"));
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task A_bot_whose_Redis_is_down_refuses_to_start_with_one_line()
    {
        var closedPort = BotProcess.FreePort();
        using var bot = BotProcess.Start(new Dictionary<string, string?>
        {
            ["Storage__Kind"] = "redis",
            ["Storage__Redis__Configuration"] = $"127.0.0.1:{closedPort}",
        });

        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host started without its Redis");
        _output.WriteLine($"exit {bot.ExitCode}; stderr: {bot.Stderr}");
        var errorLines = bot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1, bot.ExitCode);
        Assert.StartsWith($"StoryBot cannot start: Redis at '127.0.0.1:{closedPort}' cannot be reached (Storage:Kind=redis): ", Assert.Single(errorLines));
        Assert.InRange(errorLines[0].Length, 1, 200);
        Assert.DoesNotContain("   at ", bot.Stdout + bot.Stderr);
        Assert.DoesNotContain("Now listening", bot.Stdout);
    }

    private static ServiceCollection Registered(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddStoryBot(configuration, Repo.Root);
        return services;
    }
}
