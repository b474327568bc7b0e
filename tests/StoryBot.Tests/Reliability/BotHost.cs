using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StoryBot.Tests.Reliability;

/// <summary>Paths of the repository and the built host, found from the test binaries.</summary>
internal static class ReliabilityPaths
{
    public static string RepoRoot => Repo.Root;

    public static string StoryFile => Path.Combine(RepoRoot, "stories", "ap-2017-05-trump-lavrov.txt");

    /// <summary>The host's DLL copied next to the tests (with its runtimeconfig), for process-level tests.</summary>
    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "StoryBot.dll");

}

/// <summary>
/// The real host (Program) in memory through WebApplicationFactory, with its own temp index folder, a
/// chosen environment and extra settings, and every log entry captured so tests can assert that no
/// unhandled exception was logged.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    public BotHost(string environment = "Test", IDictionary<string, string?>? settings = null, string? indexPath = null, Action<IServiceCollection>? services = null)
    {
        _environment = environment;
        _services = services;
        IndexPath = indexPath ?? Directory.CreateTempSubdirectory("storybot-rel-index-").FullName;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Story:Path"] = ReliabilityPaths.StoryFile,
            ["Story:IndexPath"] = IndexPath,
            ["RateLimiting:Enabled"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }
    }

    public string IndexPath { get; }

    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseContentRoot(ReliabilityPaths.RepoRoot);
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    private bool _keepIndex;

    /// <summary>Stops the host but leaves its index folder in place (for tests that reopen it).</summary>
    public async Task DisposeHostOnlyAsync()
    {
        _keepIndex = true;
        await DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_keepIndex)
        {
            return;
        }

        try
        {
            Directory.Delete(IndexPath, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Collects log entries from the host (level, category, message, exception).</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public IReadOnlyList<LogEntry> Errors => Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).ToList();

    public bool Contains(string text) => Entries.Any(e => e.Message.Contains(text, StringComparison.OrdinalIgnoreCase));

    public void Dispose()
    {
    }

    private sealed class SinkLogger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}

/// <summary>Builds Emulator-shaped activities as JSON and reads the replies.</summary>
internal static class Activities
{
    public static JsonObject Message(string conversationId, string? text, string serviceUrl = "http://127.0.0.1:9/unused", bool expectReplies = true, string? id = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "user-" + conversationId, ["name"] = "User", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "storybot", ["name"] = "StoryBot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["locale"] = "en-US",
            ["text"] = text,
        };
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity;
    }

    public static JsonObject ConversationUpdate(string conversationId, string serviceUrl = "http://127.0.0.1:9/unused", bool expectReplies = true)
    {
        var activity = Message(conversationId, null, serviceUrl, expectReplies);
        activity.Remove("text");
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = "user-" + conversationId, ["name"] = "User" },
            new JsonObject { ["id"] = "storybot", ["name"] = "StoryBot" });
        return activity;
    }

    public static HttpContent Json(JsonNode node) => Json(node.ToJsonString());

    public static HttpContent Json(string body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>The activities of an expectReplies response body ({"activities":[...]}).</summary>
    public static IReadOnlyList<JsonObject> Replies(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Array.Empty<JsonObject>();
        }

        var node = JsonNode.Parse(body);
        return node?["activities"] is JsonArray list ? list.OfType<JsonObject>().ToList() : Array.Empty<JsonObject>();
    }

    /// <summary>The storybot.reply entity of a reply, or null.</summary>
    public static JsonObject? ReplyEntity(JsonObject activity) =>
        activity["entities"] is JsonArray entities
            ? entities.OfType<JsonObject>().FirstOrDefault(e => (string?)e["type"] == "storybot.reply")
            : null;

    /// <summary>The first cited sentence number of a reply's storybot.reply entity (null when none).</summary>
    public static int? CitedSentence(JsonObject activity) =>
        ReplyEntity(activity)?["citations"] is JsonArray c && c.Count > 0 ? (int?)c[0]!["sentence"] : null;

    /// <summary>The intent of a reply's storybot.reply entity (null when none).</summary>
    public static string? Intent(JsonObject activity) => (string?)ReplyEntity(activity)?["intent"];

    /// <summary>Posts a message with expectReplies and returns its one reply (a 200 with exactly one, or the test fails).</summary>
    public static async Task<JsonObject> AskAsync(HttpClient client, string conversationId, string text, string? id = null)
    {
        var (status, body) = await PostAsync(client, Json(Message(conversationId, text, id: id)));
        Xunit.Assert.Equal(200, status);
        return Xunit.Assert.Single(Replies(body));
    }

    public static async Task<(int Status, string Body)> PostAsync(HttpClient client, HttpContent content, CancellationToken ct = default)
    {
        using var response = await client.PostAsync("/api/messages", content, ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }
}
