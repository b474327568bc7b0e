using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace StoryBot.Adapters;

/// <summary>
/// A connector client shared by every turn to one service URL. The adapter disposes the client it gets
/// at the end of each turn; this one ignores that, so the real <see cref="ConnectorClient"/> (a
/// <c>Microsoft.Rest.ServiceClient</c>, whose construction builds a <c>Regex</c> and an HTTP pipeline)
/// is built once instead of per turn. Its HttpClient comes from <c>IHttpClientFactory</c>, so it is
/// safe to share across concurrent turns.
/// </summary>
internal sealed class SharedConnectorClient(IConnectorClient inner) : IConnectorClient
{
    public Uri BaseUri
    {
        get => inner.BaseUri;
        set => throw new InvalidOperationException("A shared connector client's BaseUri cannot change.");
    }

    public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;

    public ServiceClientCredentials Credentials => inner.Credentials;

    public IAttachments Attachments => inner.Attachments;

    public IConversations Conversations => inner.Conversations;

    /// <summary>Does nothing: the client outlives the turn (see the class remarks).</summary>
    public void Dispose()
    {
    }
}
