using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

using StoryBot.Knowledge;

namespace StoryBot.DirectLine;

/// <summary>
/// Serves the Web Chat page at <c>/</c> and its files (a Web Chat bundle built from npm, the
/// page's script, style and icon) under <c>/webchat/</c> with ASP.NET Core's <c>MapStaticAssets</c>:
/// compressed (Brotli, gzip) and fingerprinted at build time, <c>immutable</c> under their
/// fingerprinted names, ETags otherwise. Nothing comes from a CDN. <c>wwwroot/index.html</c> is a
/// template whose file names the build has already fingerprinted; only the story's title and source
/// are filled in here, so the first paint is right, and of its two bundle tags the one that
/// <see cref="DirectLineOptions.WebChatBundle"/> names is kept.
/// </summary>
internal static partial class WebChatPage
{
    private const string Template = "index.html";

    private static readonly Dictionary<string, string> Bundles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lean"] = "webchat/webchat-lean.js",
        ["full"] = "webchat/webchat.js",
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var environment = endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatPage));
        var bundle = endpoints.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value.WebChatBundle;
        if (!Bundles.TryGetValue(bundle, out var bundleFile))
        {
            throw new InvalidOperationException($"DirectLine:WebChatBundle is '{bundle}': use one of {string.Join(", ", Bundles.Keys)}");
        }

        if (!environment.WebRootFileProvider.GetFileInfo(bundleFile).Exists)
        {
            logger.LogWarning("The Web Chat bundle {Bundle} is missing from {WebRoot}: build the host project (it runs npm ci in ClientApp)",
                bundleFile, environment.WebRootPath);
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

        var page = new Lazy<Rendered?>(() => Render(environment, endpoints.ServiceProvider.GetRequiredService<StoryKnowledge>(), bundle));
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

    private static Rendered? Render(IWebHostEnvironment environment, StoryKnowledge knowledge, string bundle)
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

        // The stories' own title and source (what /api/story and the citations show), not a setting that may name another story.
        var title = knowledge.DisplayTitle;
        var source = knowledge.DisplaySource;
        // <!--bundle:NAME-->…<!--/bundle--> around each bundle's tag: the chosen one loses its markers, the others go.
        template = BundleTag().Replace(template, m => m.Groups["name"].Value.Equals(bundle, StringComparison.OrdinalIgnoreCase) ? m.Groups["tag"].Value : string.Empty);
        var html = Encoding.UTF8.GetBytes(template
            .Replace("{{title}}", WebUtility.HtmlEncode(string.IsNullOrWhiteSpace(title) ? "StoryBot" : title), StringComparison.Ordinal)
            .Replace("{{source}}", WebUtility.HtmlEncode(source ?? string.Empty), StringComparison.Ordinal));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(html).AsSpan(0, 12))}\"");
        return new Rendered(html, etag);
    }

    [GeneratedRegex(@"[ \t]*<!--bundle:(?<name>[a-z]+)-->(?<tag>.*?)<!--/bundle-->(\r?\n)?", RegexOptions.Singleline)]
    private static partial Regex BundleTag();

    private sealed record Rendered(byte[] Html, EntityTagHeaderValue ETag);
}
