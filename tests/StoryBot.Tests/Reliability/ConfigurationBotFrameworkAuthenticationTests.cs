using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// Channel authentication with an app id configured, proven offline: the test serves an OpenID
/// configuration and a JWKS over HTTPS on a loopback port (self-signed certificate trusted by the bot's
/// process through SSL_CERT_FILE), points every related configuration key at it, and signs tokens
/// itself. A correctly signed token is accepted; everything else gets 401 with a short problem body.
/// </summary>
public sealed class ConfigurationBotFrameworkAuthenticationTests : IClassFixture<ConfigurationBotFrameworkAuthenticationTests.AuthFixture>
{
    public const string AppId = "6f4b7a8e-2d1c-4e3f-9a0b-1c2d3e4f5a6b";
    public const string Issuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://127.0.0.1:9/teams/";

    /// <summary>The OpenID endpoint, the signing keys and the bot process, shared by the cases.</summary>
    public sealed class AuthFixture : IAsyncLifetime
    {
        private WebApplication? _openId;
        private string? _certFile;

        public RSA SigningKey { get; } = RSA.Create(2048);

        public RSA OtherKey { get; } = RSA.Create(2048);

        internal BotProcess? Bot { get; private set; }

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            using var certKey = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", certKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
            var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
            _certFile = Path.Combine(Directory.CreateTempSubdirectory("storybot-rel-cert-").FullName, "openid-test.pem");
            File.WriteAllText(_certFile, certificate.ExportCertificatePem());

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
            _openId = builder.Build();
            var parameters = SigningKey.ExportParameters(false);
            _openId.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = $"https://{http.Request.Host}/authorize",
                ["jwks_uri"] = $"https://{http.Request.Host}/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            }));
            _openId.MapGet("/keys", () => Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["kid"] = "test-key", ["alg"] = "RS256",
                        ["n"] = Base64Url(parameters.Modulus!), ["e"] = Base64Url(parameters.Exponent!),
                        ["endorsements"] = new[] { "msteams" },
                    },
                },
            }));
            await _openId.StartAsync();
            var address = new Uri(_openId.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var metadata = $"https://127.0.0.1:{address.Port}/.well-known/openid-configuration";

            // Every key of the family (facts §8): setting one alone leaves the others null and then every
            // token is refused, which would prove nothing.
            Bot = BotProcess.Start(new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-used-offline",
                ["MicrosoftAppTenantId"] = "",
                ["ToBotFromChannelOpenIdMetadataUrl"] = metadata,
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadata,
                ["ToBotFromChannelTokenIssuer"] = Issuer,
                ["ToChannelFromBotLoginUrl"] = $"https://127.0.0.1:{address.Port}/login",
                ["ToChannelFromBotOAuthScope"] = Issuer,
                ["OAuthUrl"] = $"https://127.0.0.1:{address.Port}/oauth",
                ["CallerId"] = "urn:botframework:azure",
                ["ValidateAuthority"] = "false",
                ["SSL_CERT_FILE"] = _certFile,
            });
            await Bot.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            Client = new HttpClient { BaseAddress = Bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        }

        public async Task DisposeAsync()
        {
            Client?.Dispose();
            Bot?.Dispose();
            if (_openId is not null)
            {
                await _openId.StopAsync();
                await _openId.DisposeAsync();
            }

            if (_certFile is not null)
            {
                Directory.Delete(Path.GetDirectoryName(_certFile)!, recursive: true);
            }
        }
    }

    private readonly AuthFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ConfigurationBotFrameworkAuthenticationTests(AuthFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string, int> Cases() => new()
    {
        { "no Authorization header", 401 },
        { "Bearer alone", 401 },
        { "Bearer with spaces only", 401 },
        { "Basic scheme", 401 },
        { "malformed token", 401 },
        { "three dots of garbage", 401 },
        { "unsigned token (alg none)", 401 },
        { "signed with the wrong key", 401 },
        { "expired", 401 },
        { "not yet valid", 401 },
        { "wrong audience", 401 },
        { "wrong issuer", 401 },
        { "serviceurl claim of another service", 401 },
        { "channel not endorsed by the key", 401 },
        { "correctly signed", 200 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_a_correctly_signed_channel_token_is_accepted(string name, int expected)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds(),
        };
        var channel = "msteams";
        string? authorization = name switch
        {
            "no Authorization header" => null,
            "Bearer alone" => "Bearer",
            "Bearer with spaces only" => "Bearer    ",
            "Basic scheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId + ":secret")),
            "malformed token" => "Bearer garbage",
            "three dots of garbage" => "Bearer aaa.bbb.ccc",
            "unsigned token (alg none)" => "Bearer " + Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}")) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims)) + ".",
            "signed with the wrong key" => "Bearer " + Sign(claims, _fixture.OtherKey),
            "expired" => "Bearer " + Sign(With(claims, ("nbf", now.AddHours(-3).ToUnixTimeSeconds()), ("iat", now.AddHours(-3).ToUnixTimeSeconds()), ("exp", now.AddHours(-2).ToUnixTimeSeconds())), _fixture.SigningKey),
            "not yet valid" => "Bearer " + Sign(With(claims, ("nbf", now.AddHours(2).ToUnixTimeSeconds()), ("exp", now.AddHours(3).ToUnixTimeSeconds())), _fixture.SigningKey),
            "wrong audience" => "Bearer " + Sign(With(claims, ("aud", "someone-elses-bot")), _fixture.SigningKey),
            "wrong issuer" => "Bearer " + Sign(With(claims, ("iss", "https://evil.example")), _fixture.SigningKey),
            "serviceurl claim of another service" => "Bearer " + Sign(With(claims, ("serviceurl", "https://127.0.0.1:9/elsewhere/")), _fixture.SigningKey),
            "channel not endorsed by the key" => "Bearer " + Sign(claims, _fixture.SigningKey),
            _ => "Bearer " + Sign(claims, _fixture.SigningKey),
        };
        if (name == "channel not endorsed by the key")
        {
            channel = "webchat";
        }

        var activity = Activities.Message("auth-" + Guid.NewGuid().ToString("N")[..8], "Who did Trump fire at the FBI?", ServiceUrl);
        activity["channelId"] = channel;
        activity["conversation"]!["conversationType"] = "personal";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(activity) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _fixture.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        _output.WriteLine($"{name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
        Assert.True(expected == (int)response.StatusCode, $"{name}: expected {expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}\n{Tail(_fixture.Bot!.Stdout)}");
        ActivityRequestValidationTests.AssertNoLeak(name, body);
        if (expected == 401)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, (int)JsonNode.Parse(body)!["status"]!);
        }
        else
        {
            Assert.Contains(Activities.Replies(body), r => Activities.ReplyEntity(r) is not null);
        }
    }

    [Fact]
    public async Task Health_stays_open_without_a_token()
    {
        using var response = await _fixture.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Tail(string s) => s.Length > 1500 ? s[^1500..] : s;

    private static Dictionary<string, object> With(Dictionary<string, object> claims, params (string Key, object Value)[] changes)
    {
        var copy = new Dictionary<string, object>(claims);
        foreach (var (k, v) in changes)
        {
            copy[k] = v;
        }

        return copy;
    }

    private static string Sign(Dictionary<string, object> claims, RSA key)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = "test-key" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
