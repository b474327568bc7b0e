using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StoryBot.DirectLine;
using Xunit;

namespace StoryBot.Tests.DirectLine;

public sealed class WebChatWarmUpServiceTests
{
    [Fact]
    public async Task HostOnKestrel_RunsOneConversation_WithAnAnswer_AfterItStarts()
    {
        using var host = new StoryBotFactory();
        host.StartKestrel();
        var warmUp = host.Services.GetServices<IHostedService>().OfType<WebChatWarmUpService>().Single();

        var conversationId = await warmUp.Warmed.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(conversationId);
        var conversation = host.Services.GetRequiredService<DirectLineConversationStore>().Find(conversationId!);
        Assert.NotNull(conversation);
        var activities = conversation!.Read(null).Activities;
        // the welcome, the question's echo and the reply to it
        Assert.True(activities.Count >= 3, string.Join("\n", activities));
        Assert.Contains(activities, a => a.Contains("\"replyToId\"", StringComparison.Ordinal) && a.Contains("\"role\":\"bot\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InMemoryHost_DoesNotWarmUp_NotEvenAtItsConfiguredUrl()
    {
        // The in-memory server lists the configured URL as its address without listening on it:
        // here a listener of the test's own holds that port and sees whether anything connects.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var host = new StoryBotFactory(new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{port}" });
            using var client = host.CreateClient();
            var warmUp = host.Services.GetServices<IHostedService>().OfType<WebChatWarmUpService>().Single();

            Assert.Null(await warmUp.Warmed.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.False(listener.Pending(), "the warm-up connected to the configured URL");
            Assert.Equal(0, host.Services.GetRequiredService<DirectLineConversationStore>().Count);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://0.0.0.0:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://[::]:5000", "http://[::1]:5000/")]
    [InlineData("http://+:80", "http://localhost/")]
    [InlineData("http://*:3978", "http://localhost:3978/")]
    public void LoopbackAddress_MakesWildcardsLoopback(string listening, string expected)
    {
        Assert.Equal(new Uri(expected), WebChatWarmUpService.LoopbackAddress(new[] { listening }));
    }

    [Fact]
    public void LoopbackAddress_PrefersHttp_AndIsNullWithoutAddresses()
    {
        Assert.Equal(new Uri("http://localhost:5000/"), WebChatWarmUpService.LoopbackAddress(new[] { "https://localhost:5001", "http://localhost:5000" }));
        Assert.Null(WebChatWarmUpService.LoopbackAddress(Array.Empty<string>()));
        Assert.Null(WebChatWarmUpService.LoopbackAddress(null));
    }
}
