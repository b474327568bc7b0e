using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace StoryBot.DirectLine;

/// <summary>
/// Once the host listens, runs one conversation through its own page endpoints over loopback HTTP
/// (token, start with the welcome, one question, one poll), so the first visitor does not pay for
/// JIT, the first index search and the endpoints' first requests: the first conversation after a
/// start is as fast as the later ones. Runs on Kestrel only (not in the in-memory test server), not
/// in Azure mode, and not with <c>DirectLine:WarmUp</c> false. A failure is logged, never fatal.
/// The conversation is left to the idle sweep like any other.
/// </summary>
internal sealed class WebChatWarmUpService : BackgroundService
{
    /// <summary>Runs the answering path (search, scoring) on any story.</summary>
    private const string Question = "what happened?";

    private readonly IServer _server;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly IHttpClientFactory _httpClients;
    private readonly IConfiguration _configuration;
    private readonly ILogger<WebChatWarmUpService> _logger;
    private readonly TaskCompletionSource<string?> _warmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebChatWarmUpService(IServer server, IHostApplicationLifetime lifetime, IHttpClientFactory httpClients, IConfiguration configuration, ILogger<WebChatWarmUpService> logger)
    {
        _server = server;
        _lifetime = lifetime;
        _httpClients = httpClients;
        _configuration = configuration;
        _logger = logger;
    }

    /// <summary>The warm-up conversation's id once it has run; null when skipped or failed.</summary>
    internal Task<string?> Warmed => _warmed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _warmed.TrySetResult(await WarmUpAsync(stoppingToken).ConfigureAwait(false));
        }
        finally
        {
            _warmed.TrySetResult(null);
        }
    }

    private async Task<string?> WarmUpAsync(CancellationToken stoppingToken)
    {
        if (!_configuration.GetValue($"{DirectLineOptions.SectionName}:WarmUp", true)
            || !string.IsNullOrWhiteSpace(_configuration[$"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.Secret)}"]))
        {
            return null;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        // Only a server that listens: the in-memory test server lists the configured URLs too, without
        // listening on them (something else may be).
        if (_server.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var address = LoopbackAddress(_server.Features.Get<IServerAddressesFeature>()?.Addresses);
        if (address is null)
        {
            return null;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var conversationId = await RunAsync(address, stoppingToken).ConfigureAwait(false);
            _logger.LogInformation("Warmed the Web Chat turn path in {ElapsedMs} ms", clock.ElapsedMilliseconds);
            return conversationId;
        }
        catch (HttpRequestException ex) when (ex.StatusCode is { } status)
        {
            // The endpoint answered, just not with success (e.g. 503 while Storage:Kind=redis has no Redis): nothing to debug here.
            _logger.LogWarning("Warming the Web Chat turn path failed with HTTP {Status}; the first conversation will be slower", (int)status);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Warming the Web Chat turn path failed; the first conversation will be slower");
            return null;
        }
    }

    private async Task<string?> RunAsync(Uri address, CancellationToken cancellationToken)
    {
        using var http = _httpClients.CreateClient();
        http.BaseAddress = address;
        http.Timeout = TimeSpan.FromSeconds(60);

        using var tokenResponse = await http.PostAsync("api/directline/token", null, cancellationToken).ConfigureAwait(false);
        tokenResponse.EnsureSuccessStatusCode();
        using var session = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var token = session.RootElement.GetProperty("token").GetString();
        var conversationId = session.RootElement.GetProperty("conversationId").GetString();
        var userId = session.RootElement.GetProperty("userId").GetString();
        var domain = session.RootElement.GetProperty("domain").GetString()!.TrimStart('/');
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using (var start = await http.PostAsync($"{domain}/conversations", null, cancellationToken).ConfigureAwait(false))
        {
            start.EnsureSuccessStatusCode();
        }

        var message = new { type = "message", from = new { id = userId }, text = Question, channelData = new { clientActivityID = "warm-up" } };
        using (var post = await http.PostAsJsonAsync($"{domain}/conversations/{conversationId}/activities", message, cancellationToken).ConfigureAwait(false))
        {
            post.EnsureSuccessStatusCode();
        }

        using (var poll = await http.GetAsync($"{domain}/conversations/{conversationId}/activities?watermark=0", cancellationToken).ConfigureAwait(false))
        {
            poll.EnsureSuccessStatusCode();
        }

        return conversationId;
    }

    /// <summary>The first HTTP address the server listens on, with a wildcard host made loopback.</summary>
    internal static Uri? LoopbackAddress(IEnumerable<string>? addresses)
    {
        var all = (addresses ?? Array.Empty<string>()).ToList();
        var chosen = all.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? all.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var builder = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        builder.Host = builder.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            var host => host,
        };

        builder.Path = "/";
        return builder.Uri;
    }
}
