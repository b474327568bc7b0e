using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace StoryBot.Adapters;

/// <summary>
/// The SDK's connector factory for one inbound identity, with its clients kept across turns: one
/// <see cref="SharedConnectorClient"/> per (app id, service URL, audience) from <paramref name="clients"/>,
/// created by the SDK's own factory the first time and again after
/// <see cref="SharedClientsBotFrameworkAuthentication.SharedClientLifetime"/>, so its HttpClient does not
/// outlive <c>IHttpClientFactory</c>'s handler rotation by much (DNS changes are seen). Bounded: with
/// authentication off a caller chooses the service URL, so past
/// <see cref="SharedClientsBotFrameworkAuthentication.MaxSharedClients"/> entries a turn gets a client of
/// its own (disposed with the turn), as without sharing.
/// </summary>
internal sealed class SharedConnectorFactory(
    ConnectorFactory inner,
    string appId,
    ConcurrentDictionary<(string, string, string), (Task<IConnectorClient> Client, long ExpiresAt)> clients) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var key = (appId, serviceUrl ?? string.Empty, audience ?? string.Empty);
        var now = Environment.TickCount64;
        if (clients.TryGetValue(key, out var shared))
        {
            if (now < shared.ExpiresAt && !shared.Client.IsFaulted && !shared.Client.IsCanceled)
            {
                return shared.Client;
            }

            // Expired, or failed once (e.g. credentials): built afresh. Turns still holding the old one finish with it.
            clients.TryRemove(KeyValuePair.Create(key, shared));
        }

        if (clients.Count >= SharedClientsBotFrameworkAuthentication.MaxSharedClients)
        {
            return inner.CreateAsync(serviceUrl, audience, cancellationToken);
        }

        var expiresAt = now + (long)SharedClientsBotFrameworkAuthentication.SharedClientLifetime.TotalMilliseconds;
        return clients.GetOrAdd(key, _ => (CreateSharedAsync(serviceUrl!, audience!), expiresAt)).Client;
    }

    private async Task<IConnectorClient> CreateSharedAsync(string serviceUrl, string audience)
    {
        // Not the turn's token: the client outlives this turn and is shared by later ones.
        var client = await inner.CreateAsync(serviceUrl, audience, CancellationToken.None).ConfigureAwait(false);
        return new SharedConnectorClient(client);
    }
}
