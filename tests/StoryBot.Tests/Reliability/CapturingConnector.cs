using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StoryBot.Tests.Reliability;

/// <summary>One reply the bot POSTed to the connector.</summary>
internal sealed record CapturedReply(long Sequence, string ConversationId, string? ReplyToId, JsonObject Activity)
{
    /// <summary>The id the connector answered with (ResourceResponse.Id): what Teams later names the message by.</summary>
    public string ReturnedId { get; init; } = string.Empty;
}

/// <summary>
/// A stand-in for a channel's connector service: a small Kestrel app on a free loopback port that
/// implements POST /v3/conversations/{conversationId}/activities[/{activityId}] and records every
/// activity the bot sends. An optional behaviour may delay or fail a call (per conversation).
/// </summary>
internal sealed class CapturingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _sequence;

    private CapturingConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<CapturedReply> Replies { get; } = new();

    /// <summary>Called before a reply is accepted; returns a status to fail with (e.g. 500), or null for 200.</summary>
    public Func<string, CancellationToken, Task<int?>>? Behaviour { get; set; }

    public IReadOnlyList<CapturedReply> For(string conversationId) =>
        Replies.Where(r => r.ConversationId == conversationId).OrderBy(r => r.Sequence).ToList();

    public static async Task<CapturingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = 2000);
        var app = builder.Build();
        var connector = new CapturingConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext http) => connector.CaptureAsync(conversationId, activityId, http));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext http) => connector.CaptureAsync(conversationId, null, http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>A loopback URL where nothing listens (connection refused): a connector that is down.</summary>
    public static string DownServiceUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }

    /// <summary>Waits (bounded) until <paramref name="predicate"/> holds over the captured replies.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyCollection<CapturedReply>, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (predicate(Replies))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return predicate(Replies);
    }

    private async Task<IResult> CaptureAsync(string conversationId, string? activityId, HttpContext http)
    {
        if (Behaviour is { } behaviour && await behaviour(conversationId, http.RequestAborted) is { } status)
        {
            return Results.StatusCode(status);
        }

        var activity = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!;
        var id = Guid.NewGuid().ToString("N");
        Replies.Enqueue(new CapturedReply(Interlocked.Increment(ref _sequence), conversationId, activityId, activity) { ReturnedId = id });
        return Results.Json(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
