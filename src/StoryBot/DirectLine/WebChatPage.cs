using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace StoryBot.DirectLine;

/// <summary>
/// Serves the Web Chat page at <c>/</c> and its files (the npm <c>botframework-webchat</c> bundle, the
/// page's script, style and icon) under <c>/webchat/</c> with ASP.NET Core's <c>MapStaticAssets</c>:
/// compressed (Brotli, gzip) and fingerprinted at build time, <c>immutable</c> under their
/// fingerprinted names, ETags otherwise. Nothing comes from a CDN. <c>wwwroot/index.html</c> is a
/// template whose file names the build has already fingerprinted; only the story's title and source
/// are filled in here, so the first paint is right.
/// </summary>
internal static class WebChatPage
{
    private const string Template = "index.html";
    private const string Bundle = "webchat/webchat.js";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var environment = endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatPage));
        if (!environment.WebRootFileProvider.GetFileInfo(Bundle).Exists)
        {
            logger.LogWarning("The Web Chat bundle is missing from {WebRoot}: build the host project (it runs npm ci in ClientApp)",
                environment.WebRootPath);
        }

        var manifest = Path.Combine(AppContext.BaseDirectory, environment.ApplicationName + ".staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            endpoints.MapStaticAssets(manifest);
        }
        else
        {
            logger.LogWarning("No static assets manifest at {Manifest}: the Web Chat page's files are not served", manifest);
        }

        var page = new Lazy<Rendered?>(() => Render(environment, endpoints.ServiceProvider.GetRequiredService<IConfiguration>()));
        endpoints.MapGet("/", (HttpContext http) =>
        {
            if (page.Value is not { } rendered)
            {
                return Results.Problem("The Web Chat page was not built.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return Results.Bytes(rendered.Html, "text/html; charset=utf-8", entityTag: rendered.ETag);
        });
    }

    private static Rendered? Render(IWebHostEnvironment environment, IConfiguration configuration)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(Template);
        if (!file.Exists)
        {
            return null;
        }

        string template;
        using (var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8))
        {
            template = reader.ReadToEnd();
        }

        var title = configuration["Story:Title"];
        var source = configuration["Story:Source"];
        var html = Encoding.UTF8.GetBytes(template
            .Replace("{{title}}", WebUtility.HtmlEncode(string.IsNullOrWhiteSpace(title) ? "StoryBot" : title), StringComparison.Ordinal)
            .Replace("{{source}}", WebUtility.HtmlEncode(source ?? string.Empty), StringComparison.Ordinal));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(html).AsSpan(0, 12))}\"");
        return new Rendered(html, etag);
    }

    private sealed record Rendered(byte[] Html, EntityTagHeaderValue ETag);
}
