using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace StoryBot.DirectLine;

/// <summary>
/// Azure mode: exchanges the configured Direct Line secret for a short-lived conversation token at
/// the Direct Line service, so the secret stays on the server and the browser only ever sees a token.
/// </summary>
public sealed class DirectLineAzureTokenClient
{
    /// <summary>Name of the <see cref="HttpClient"/> used for the exchange.</summary>
    public const string HttpClientName = "StoryBot.DirectLine.Azure";

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptionsMonitor<DirectLineOptions> _options;

    public DirectLineAzureTokenClient(IHttpClientFactory httpClients, IOptionsMonitor<DirectLineOptions> options)
    {
        _httpClients = httpClients;
        _options = options;
    }

    /// <summary>The token service's answer (Direct Line 3.0 <c>tokens/generate</c>).</summary>
    public sealed record TokenResponse(
        [property: JsonPropertyName("conversationId")] string? ConversationId,
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);

    /// <summary>
    /// Asks the token endpoint for a token bound to a new conversation for <paramref name="userId"/>
    /// (Direct Line keeps user ids that start with <c>dl_</c> in the token, so the user cannot be impersonated).
    /// </summary>
    /// <exception cref="HttpRequestException">The service refused or could not be reached.</exception>
    public async Task<TokenResponse> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Secret);
        request.Content = JsonContent.Create(new { user = new { id = userId } });

        var client = _httpClients.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Direct Line token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(body?.Token))
        {
            throw new HttpRequestException("Direct Line token endpoint answered without a token.");
        }

        return body;
    }
}
