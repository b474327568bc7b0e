using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace StoryBot.Adapters;

/// <summary>
/// The SDK's connector factory for one inbound identity, with its clients kept across turns: one
/// <see cref="SharedConnectorClient"/> per (app id, service URL, audience) from <paramref name="clients"/>,
/// created by the SDK's own factory the first time. Bounded: with authentication off a caller chooses the
/// service URL, so past <see cref="SharedClientsBotFrameworkAuthentication.MaxSharedClients"/> entries a
/// turn gets a client of its own (disposed with the turn), as without sharing.
/// </summary>
internal sealed class SharedConnectorFactory(ConnectorFactory inner, string appId, ConcurrentDictionary<(string, string, string), Task<IConnectorClient>> clients) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var key = (appId, serviceUrl ?? string.Empty, audience ?? string.Empty);
        if (clients.TryGetValue(key, out var shared))
        {
            if (!shared.IsFaulted && !shared.IsCanceled)
            {
                return shared;
            }

            clients.TryRemove(KeyValuePair.Create(key, shared)); // failed once (e.g. credentials): try afresh
        }

        if (clients.Count >= SharedClientsBotFrameworkAuthentication.MaxSharedClients)
        {
            return inner.CreateAsync(serviceUrl, audience, cancellationToken);
        }

        return clients.GetOrAdd(key, _ => CreateSharedAsync(serviceUrl!, audience!));
    }

    private async Task<IConnectorClient> CreateSharedAsync(string serviceUrl, string audience)
    {
        // Not the turn's token: the client outlives this turn and is shared by later ones.
        var client = await inner.CreateAsync(serviceUrl, audience, CancellationToken.None).ConfigureAwait(false);
        return new SharedConnectorClient(client);
    }
}
