using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace StoryBot.Adapters;

/// <summary>
/// Writes a turn's <see cref="InvokeResponse"/> (the replies of an <c>expectReplies</c> turn, an invoke's answer) the
/// way the SDK's <see cref="HttpHelper.WriteResponseAsync"/> does — its serializer settings, status, content type —
/// but without indentation and with a Content-Length: the SDK writes every reply indented, about a fifth more bytes
/// to produce and send (docs/performance.md). The JSON carries the same values; only whitespace differs.
/// </summary>
public static class InvokeResponseWriter
{
    private static readonly JsonSerializer Serializer = CreateSerializer();

    public static async Task WriteAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is null)
        {
            return;
        }

        response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false, false), bufferSize: 1024, leaveOpen: true))
        using (var json = new JsonTextWriter(writer))
        {
            Serializer.Serialize(json, invokeResponse.Body);
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    private static JsonSerializer CreateSerializer()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        return serializer;
    }
}
