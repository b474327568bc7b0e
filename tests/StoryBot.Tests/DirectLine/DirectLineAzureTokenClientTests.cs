using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace StoryBot.Tests.DirectLine;

/// <summary>
/// Azure mode: the page's token endpoint exchanges the configured secret at the Direct Line token
/// service. Azure is out of reach here, so a local fake of <c>tokens/generate</c> stands in for it.
/// </summary>
public sealed class DirectLineAzureTokenClientTests : IAsyncLifetime
{
    private const string Secret = "s3cret-direct-line-key";
    private WebApplication _fake = null!;
    private readonly List<(string? Authorization, JsonNode? Body)> _calls = new();
    private HttpStatusCode _answer = HttpStatusCode.OK;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _fake = builder.Build();
        _fake.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            lock (_calls)
            {
                _calls.Add((request.Headers.Authorization.ToString(), body));
            }

            return _answer == HttpStatusCode.OK
                ? Results.Json(new { conversationId = "azure-conv-1", token = "azure-token-1", expires_in = 3600 })
                : Results.StatusCode((int)_answer);
        });
        await _fake.StartAsync();
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private StoryBotFactory HostWithSecret() => new(new Dictionary<string, string?>
    {
        ["DirectLine:Secret"] = Secret,
        ["DirectLine:TokenEndpoint"] = _fake.Urls.First() + "/v3/directline/tokens/generate",
    });

    [Fact]
    public async Task PageToken_IsExchangedServerSide_AndTheSecretNeverReachesTheBrowser()
    {
        using var host = HostWithSecret();
        using var response = await host.CreateClient().PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, text);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("azure", (string?)body["mode"]);
        Assert.Equal("azure-token-1", (string?)body["token"]);
        Assert.Equal("azure-conv-1", (string?)body["conversationId"]);
        Assert.Equal(3600, (int)body["expires_in"]!);
        Assert.Null(body["domain"]);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var call = Assert.Single(_calls);
        Assert.Equal("Bearer " + Secret, call.Authorization);
        var userId = (string?)call.Body?["user"]?["id"];
        Assert.StartsWith("dl_", userId);
        Assert.Equal(userId, (string?)body["userId"]);
    }

    [Fact]
    public async Task ServiceRefusal_Is502_WithoutDetails()
    {
        _answer = HttpStatusCode.Forbidden;
        using var host = HostWithSecret();
        using var response = await host.CreateClient().PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutSecret_ThePageGetsALocalConversation()
    {
        using var host = new StoryBotFactory();
        using var response = await host.CreateClient().PostAsync("/api/directline/token", null);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("local", (string?)body["mode"]);
        Assert.Equal("/v3/directline", (string?)body["domain"]);
        Assert.Empty(_calls);
    }
}
