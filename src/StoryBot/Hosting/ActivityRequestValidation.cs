using System.Text.Json;

namespace StoryBot.Hosting;

/// <summary>
/// Checks a POST to <c>/api/messages</c> before the adapter sees it: JSON content type, a size limit, a
/// well-formed activity with <c>type</c>, <c>channelId</c>, <c>conversation.id</c>, <c>serviceUrl</c> and <c>from</c>. Anything else gets
/// a 4xx problem-details reply instead of the SDK's 500 with a stack trace.
/// </summary>
public sealed class ActivityRequestValidation
{
    private readonly RequestDelegate _next;
    private readonly int _maxBodyBytes;

    public ActivityRequestValidation(RequestDelegate next, ReliabilityOptions options)
    {
        _next = next;
        _maxBodyBytes = options.MaxActivityBytes;
    }

    private string TooLarge => $"An activity may be at most {_maxBodyBytes / 1024} KB.";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api/messages"))
        {
            await _next(context);
            return;
        }

        var ct = context.RequestAborted;
        if (request.ContentLength > _maxBodyBytes)
        {
            await ProblemResponses.WriteAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "Payload too large", TooLarge, ct);
            return;
        }

        if (request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            await ProblemResponses.WriteAsync(context.Response, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the activity as application/json.", ct);
            return;
        }

        // Read once into one array; the adapter then reads the same bytes from memory.
        var body = await BoundedBodyReader.ReadAsync(request, _maxBodyBytes, ct);
        if (body is not { } bytes)
        {
            await ProblemResponses.WriteAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "Payload too large", TooLarge, ct);
            return;
        }

        request.Body = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false, publiclyVisible: true); // ActivityReader reads the array
        if (Validate(bytes, context.Items) is { } p)
        {
            await ProblemResponses.WriteAsync(context.Response, p.Status, p.Title, p.Detail, ct);
            return;
        }

        await _next(context);
    }

    private static (int Status, string Title, string Detail)? Validate(ArraySegment<byte> body, IDictionary<object, object?> items)
    {
        if (body.Count == 0)
        {
            return (StatusCodes.Status400BadRequest, "Empty body", "The request body must be a Bot Framework activity.");
        }

        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            // System.Text.Json parses invalid UTF-8 inside strings and only throws when one is read.
            return (StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is not valid UTF-8.");
        }

        try
        {
            using var doc = JsonDocument.Parse(body.AsMemory());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (StatusCodes.Status400BadRequest, "Invalid activity", "The body must be a JSON object.");
            }

            if (!HasString(root, "type"))
            {
                return (StatusCodes.Status400BadRequest, "Invalid activity", "The activity has no 'type'.");
            }

            if (!HasString(root, "channelId"))
            {
                return (StatusCodes.Status400BadRequest, "Invalid activity", "The activity has no 'channelId'.");
            }

            if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object || !HasString(conversation, "id"))
            {
                return (StatusCodes.Status400BadRequest, "Invalid activity", "The activity has no 'conversation.id'.");
            }

            if (!HasString(root, "serviceUrl") || !Uri.TryCreate(root.GetProperty("serviceUrl").GetString(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return (StatusCodes.Status400BadRequest, "Invalid activity", "The activity has no valid 'serviceUrl' (an absolute http or https URL).");
            }

            if (root.TryGetProperty("text", out var text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (StatusCodes.Status400BadRequest, "Invalid activity", "'text' must be a string.");
            }

            if (!root.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Object)
            {
                return (StatusCodes.Status400BadRequest, "Invalid activity", "The activity has no 'from' object.");
            }

            // The conversation this activity belongs to, for the per-conversation rate limiter.
            items[StoryBotReliability.ConversationKeyItem] = ConversationTurnGate.KeyFor(root.GetProperty("channelId").GetString(), conversation.GetProperty("id").GetString()!);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is not valid JSON.");
        }

        return null;
    }

    private static bool HasString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());
}
