using System.Text.Json;

namespace StoryBot.Hosting;

/// <summary>Writes short RFC 7807 problem-details bodies: a clear error, never a stack trace.</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpResponse response, int status, string title, string detail, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        var body = JsonSerializer.Serialize(new { type = "about:blank", title, status, detail });
        await response.WriteAsync(body, cancellationToken);
    }
}
