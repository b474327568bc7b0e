using Xunit;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace StoryBot.Tests.DirectLine;

/// <summary>Speaks the Direct Line 3.0 subset the way the Web Chat widget does.</summary>
public sealed class DirectLineTestClient
{
    private readonly HttpClient _http;

    public DirectLineTestClient(HttpClient http) => _http = http;

    public HttpClient Http => _http;

    /// <summary>What the page does first: <c>POST /api/directline/token</c>.</summary>
    public async Task<(string Token, string ConversationId, string UserId)> GetPageTokenAsync()
    {
        using var response = await _http.PostAsync("/api/directline/token", null);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)body["token"]!, (string)body["conversationId"]!, (string)body["userId"]!);
    }

    /// <summary>A started conversation (its welcome turn has run).</summary>
    public async Task<(string Token, string ConversationId, string UserId)> NewConversationAsync()
    {
        var session = await GetPageTokenAsync();
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", session.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return session;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request);
    }

    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null, string userId = "someone")
    {
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new
        {
            type = "message",
            text,
            from = new { id = userId, role = "user" },
            locale = "en-US",
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string)body["id"]!;
    }

    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((JsonArray)body["activities"]!, (string)body["watermark"]!);
    }
}
