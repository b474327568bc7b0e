using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace StoryBot.Adapters;

/// <summary>
/// The SDK's <see cref="ConfigurationBotFrameworkAuthentication"/> (all authentication is its), with the
/// per-turn service clients shared through the SDK's own extension points: <see cref="CloudAdapter"/>
/// asks this object for a connector factory and a user-token client on every turn and disposes both at
/// its end, each a new <c>Microsoft.Rest.ServiceClient</c> (20–36% of a turn's CPU in the load test's
/// profile, docs/performance.md). Here a turn gets the connector client of its service URL built once,
/// and a user-token client that is only built if a sign-in flow ever uses it.
/// </summary>
public sealed class SharedClientsBotFrameworkAuthentication : BotFrameworkAuthentication
{
    /// <summary>Most (app id, service URL, audience) clients kept: channels use a handful of service URLs.</summary>
    public const int MaxSharedClients = 256;

    /// <summary>
    /// How long a shared connector client is used before it is built again: a little over
    /// <c>IHttpClientFactory</c>'s handler lifetime (2 min), so a service URL's DNS changes are picked up.
    /// </summary>
    public static readonly TimeSpan SharedClientLifetime = TimeSpan.FromMinutes(5);

    private readonly BotFrameworkAuthentication _inner;
    private readonly ConcurrentDictionary<(string, string, string), (Task<IConnectorClient> Client, long ExpiresAt)> _connectorClients = new();
    private readonly ConcurrentDictionary<string, SharedUserTokenClient> _userTokenClients = new(StringComparer.Ordinal);

    public SharedClientsBotFrameworkAuthentication(BotFrameworkAuthentication inner) => _inner = inner;

    /// <summary>How many connector clients are shared now (for tests and diagnostics).</summary>
    public int SharedConnectorClients => _connectorClients.Count;

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await _inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = Share(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await _inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = Share(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Share(_inner.CreateConnectorFactory(claimsIdentity), claimsIdentity)!;

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var appId = AppId(claimsIdentity);
        if (!_userTokenClients.TryGetValue(appId, out var client))
        {
            // The SDK's client for this identity, created on first use only, with no turn's cancellation.
            client = _userTokenClients.Count < MaxSharedClients
                ? _userTokenClients.GetOrAdd(appId, _ => new SharedUserTokenClient(() => _inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)))
                : new SharedUserTokenClient(() => _inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None));
        }

        return Task.FromResult<UserTokenClient>(client);
    }

    public override BotFrameworkClient CreateBotFrameworkClient() => _inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => _inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        _inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private ConnectorFactory? Share(ConnectorFactory? factory, ClaimsIdentity? identity) =>
        factory is null ? null : new SharedConnectorFactory(factory, AppId(identity), _connectorClients);

    /// <summary>The bot's app id the SDK's factories build credentials for (audience claim, else app id claim).</summary>
    private static string AppId(ClaimsIdentity? identity) =>
        identity?.FindFirst(AuthenticationConstants.AudienceClaim)?.Value
        ?? identity?.FindFirst(AuthenticationConstants.AppIdClaim)?.Value
        ?? string.Empty;
}
