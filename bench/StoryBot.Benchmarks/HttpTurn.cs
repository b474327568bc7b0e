using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection;
using StoryBot.Hosting;

namespace StoryBot.Benchmarks;

/// <summary>
/// One turn as <c>POST /api/messages</c> runs it, minus Kestrel and the socket: the load test's request body (an
/// Emulator message with <c>deliveryMode: expectReplies</c>) through <see cref="ActivityRequestValidation"/> and the
/// adapter's <see cref="IBotFrameworkHttpAdapter.ProcessAsync"/> (reading the activity, authentication, the turn,
/// writing the replies), on a <see cref="DefaultHttpContext"/>. For <see cref="TurnHarness"/>'s <c>--http</c>.
/// </summary>
public sealed class HttpTurn
{
    private readonly ActivityRequestValidation _validation;
    private readonly IServiceProvider _services;

    public HttpTurn(IServiceProvider services)
    {
        _services = services;
        var adapter = services.GetRequiredService<IBotFrameworkHttpAdapter>();
        _validation = new ActivityRequestValidation(
            context => adapter.ProcessAsync(context.Request, context.Response, context.RequestServices.GetRequiredService<IBot>(), context.RequestAborted),
            services.GetRequiredService<ReliabilityOptions>());
    }

    /// <summary>Posts <paramref name="text"/> in <paramref name="conversationId"/>; returns the response's status and Content-Length.</summary>
    public async Task<(int Status, long Bytes)> PostAsync(string conversationId, string text, int index)
    {
        var body = Body(conversationId, text, index);
        using var scope = _services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/messages";
        context.Request.ContentType = "application/json; charset=utf-8";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Response.Body = Stream.Null; // Kestrel's response pipe in the host: nothing to count against the turn here
        await _validation.InvokeAsync(context);
        return (context.Response.StatusCode, context.Response.ContentLength ?? 0);
    }

    /// <summary>The load test's body (bench/StoryBot.LoadTest), built per request here as a client would send it.</summary>
    private static byte[] Body(string conversationId, string text, int index) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
    {
        ["type"] = "message",
        ["id"] = conversationId + "-" + index.ToString(CultureInfo.InvariantCulture),
        ["timestamp"] = "2026-11-25T12:00:00.000Z",
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://localhost:9/",
        ["from"] = new Dictionary<string, string> { ["id"] = "user-" + conversationId, ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new Dictionary<string, string> { ["id"] = "storybot", ["name"] = "StoryBot", ["role"] = "bot" },
        ["conversation"] = new Dictionary<string, string> { ["id"] = conversationId },
        ["locale"] = "en-US",
        ["deliveryMode"] = "expectReplies",
        ["text"] = text,
    });
}
