using StoryBot.Tests.Reliability;
using Xunit;

namespace StoryBot.Tests.Storage;

/// <summary>
/// Two StoryBot processes (<c>dotnet StoryBot.dll</c>, lexical-only) on two loopback ports sharing one private
/// Redis (<c>Storage:Kind=redis</c>): what a load balancer in front of two instances looks like to a client.
/// <see cref="ReplaceAAsync"/> kills A with SIGKILL and starts a fresh A on the same Redis.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public RedisServerFixture Redis { get; } = new();

    public string KeyPrefix { get; } = RedisServerFixture.NewPrefix();

    internal BotProcess A { get; private set; } = null!;

    internal BotProcess B { get; private set; } = null!;

    public HttpClient ClientA { get; private set; } = null!;

    public HttpClient ClientB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        A = StartInstance();
        B = StartInstance();
        await Task.WhenAll(A.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), B.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)));
        ClientA = new HttpClient { BaseAddress = A.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        ClientB = new HttpClient { BaseAddress = B.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The client of instance <paramref name="index"/> % 2 (0 = A, 1 = B).</summary>
    public HttpClient Client(int index) => index % 2 == 0 ? ClientA : ClientB;

    /// <summary>kill -9 A (no shutdown, no flush), then a new A on a new port, ready.</summary>
    public async Task ReplaceAAsync()
    {
        A.Dispose(); // Process.Kill: SIGKILL
        ClientA.Dispose();
        A = StartInstance();
        await A.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        ClientA = new HttpClient { BaseAddress = A.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        ClientA?.Dispose();
        ClientB?.Dispose();
        A?.Dispose();
        B?.Dispose();
        await Redis.DisposeAsync();
    }

    private BotProcess StartInstance() => BotProcess.Start(new Dictionary<string, string?>
    {
        ["Storage__Kind"] = "redis",
        ["Storage__Redis__Configuration"] = Redis.Configuration,
        ["Storage__Redis__KeyPrefix"] = KeyPrefix,
        ["RateLimiting__Enabled"] = "false",
    });
}
