using System.Net;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Primitives;

namespace StoryBot.DirectLine;

/// <summary>
/// Serves the Web Chat page at <c>/</c> and its files (the npm <c>botframework-webchat</c> bundle, the
/// page's script and style) at <c>/webchat/*</c> from the <c>webchat</c> folder next to the binary,
/// where the build copies them: nothing comes from a CDN, and a published binary carries the page.
/// </summary>
internal static class WebChatPage
{
    /// <summary>The folder, next to the binary, the build copies the page and the bundle to.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "webchat");

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var root = Root;
        var files = Directory.Exists(root)
            ? Directory.GetFiles(root).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        if (!files.Contains("webchat.js"))
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatPage))
                .LogWarning("The Web Chat bundle is missing from {Folder}: build the host project (it runs npm ci in ClientApp)", root);
        }

        var types = new FileExtensionContentTypeProvider();
        endpoints.MapGet("/", (HttpContext http, IConfiguration configuration) => Page(http, configuration, root));
        endpoints.MapGet("/webchat/{file}", (string file, HttpContext http) =>
        {
            if (!files.Contains(file) || file == "index.html")
            {
                return Results.NotFound();
            }

            var path = Path.Combine(root, file);
            var info = new FileInfo(path);
            types.TryGetContentType(file, out var contentType);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "no-cache";
            var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");
            return Results.File(path, contentType ?? "application/octet-stream", lastModified: info.LastWriteTimeUtc, entityTag: etag);
        });
    }

    private static IResult Page(HttpContext http, IConfiguration configuration, string root)
    {
        var path = Path.Combine(root, "index.html");
        if (!File.Exists(path))
        {
            return Results.Problem("The Web Chat page was not built.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Title and source line come from configuration so the first paint is right even before the
        // page's script asks /api/story for the suggestions.
        var title = configuration["Story:Title"];
        var source = configuration["Story:Source"];
        var html = File.ReadAllText(path)
            .Replace("{{title}}", WebUtility.HtmlEncode(string.IsNullOrWhiteSpace(title) ? "StoryBot" : title), StringComparison.Ordinal)
            .Replace("{{source}}", WebUtility.HtmlEncode(source ?? string.Empty), StringComparison.Ordinal);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["Referrer-Policy"] = new StringValues("no-referrer");
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
