using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace StoryBot.Tests.Hosting;

/// <summary>
/// The real host (Program) in a TestServer. Settings go in with UseSetting, which reaches the host as
/// command-line arguments before its services are built; the index lives in a private temp folder.
/// </summary>
public sealed class StoryBotHost : WebApplicationFactory<Program>
{
    private readonly ScratchFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;

    public StoryBotHost(Dictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Story:IndexPath"] = Path.Combine(_folder.Path, "index"),
        };
    }

    public string IndexPath => _settings["Story:IndexPath"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _folder.Dispose();
    }
}

/// <summary>
/// A stand-in for a channel's connector service on a free loopback port: it accepts
/// POST /v3/conversations/{id}/activities/{replyToId} and hands each body to the test.
/// </summary>
public sealed class CapturingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Path, string Body)> _received = Channel.CreateUnbounded<(string, string)>();

    private CapturingConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<CapturingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new CapturingConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            await connector._received.Writer.WriteAsync((context.Request.Path.Value!, body));
            return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First();
        return connector;
    }

    /// <summary>The next activity the bot posted, or a timeout failure.</summary>
    public async Task<(string Path, string Body)> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _received.Reader.ReadAsync(cts.Token);
    }

    public bool TryNext(out (string Path, string Body) item) => _received.Reader.TryRead(out item);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
