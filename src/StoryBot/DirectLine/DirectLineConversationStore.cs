using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace StoryBot.DirectLine;

/// <summary>
/// The built-in endpoint's memory: conversations and the tokens that open them. Bounded on purpose:
/// the page hands out conversations to anyone who opens it, so idle ones are swept, the number of
/// conversations is capped (least recently used goes first) and each keeps a capped stream.
/// </summary>
public sealed class DirectLineConversationStore : IDirectLineStore
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DirectLineToken> _tokens = new(StringComparer.Ordinal);
    private readonly object _createGate = new();
    private readonly IOptionsMonitor<DirectLineOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<DirectLineConversationStore> _logger;

    public DirectLineConversationStore(IOptionsMonitor<DirectLineOptions> options, TimeProvider clock, ILogger<DirectLineConversationStore> logger)
    {
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Raised after a conversation was evicted, so its bot state can be dropped too.</summary>
    public event Action<DirectLineConversationRef>? Evicted;

    /// <summary>How many conversations are held now.</summary>
    public int Count => _conversations.Count;

    /// <summary>Creates a conversation for a new user and the first token for it, evicting the least
    /// recently used conversation when the cap is reached.</summary>
    public (DirectLineConversation Conversation, DirectLineToken Token) Create()
    {
        var options = _options.CurrentValue;
        var now = _clock.GetUtcNow();
        var conversation = new DirectLineConversation(NewId(16), "dl_" + NewId(12), options.MaxActivitiesPerConversation, now);
        lock (_createGate)
        {
            while (_conversations.Count >= Math.Max(1, options.MaxConversations))
            {
                var oldest = _conversations.Values.MinBy(c => c.LastAccess);
                if (oldest is null)
                {
                    break;
                }

                _logger.LogWarning("Direct Line conversation cap ({Max}) reached: evicting the least recently used conversation", options.MaxConversations);
                Evict(oldest);
            }

            _conversations[conversation.Id] = conversation;
            return (conversation, IssueToken(conversation));
        }
    }

    /// <summary>Finds a conversation by id.</summary>
    public DirectLineConversation? Find(string conversationId) =>
        _conversations.TryGetValue(conversationId, out var conversation) ? conversation : null;

    /// <summary>Looks a token up; null when it is unknown or expired.</summary>
    public DirectLineToken? ValidateToken(string? token)
    {
        if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= _clock.GetUtcNow())
        {
            _tokens.TryRemove(token, out _);
            return null;
        }

        return entry;
    }

    /// <summary>Issues a fresh token for the conversation; the previous one stays valid until it
    /// expires, older ones are revoked.</summary>
    public DirectLineToken IssueToken(DirectLineConversation conversation)
    {
        var token = new DirectLineToken(NewId(32), conversation.Id, _clock.GetUtcNow() + _options.CurrentValue.TokenLifetime);
        lock (conversation.Tokens)
        {
            conversation.Tokens.Add(token.Value);
            _tokens[token.Value] = token;
            while (conversation.Tokens.Count > 2)
            {
                _tokens.TryRemove(conversation.Tokens[0], out _);
                conversation.Tokens.RemoveAt(0);
            }
        }

        return token;
    }

    /// <summary>Evicts conversations idle for longer than the idle timeout and forgets expired tokens.</summary>
    public int Sweep()
    {
        var now = _clock.GetUtcNow();
        var idleBefore = now - _options.CurrentValue.IdleTimeout;
        var evicted = 0;
        foreach (var conversation in _conversations.Values)
        {
            if (conversation.LastAccess < idleBefore)
            {
                Evict(conversation);
                evicted++;
            }
        }

        foreach (var (value, token) in _tokens)
        {
            if (token.ExpiresAt <= now)
            {
                _tokens.TryRemove(value, out _);
            }
        }

        return evicted;
    }

    private void Evict(DirectLineConversation conversation)
    {
        if (!_conversations.TryRemove(conversation.Id, out _))
        {
            return;
        }

        lock (conversation.Tokens)
        {
            foreach (var token in conversation.Tokens)
            {
                _tokens.TryRemove(token, out _);
            }

            conversation.Tokens.Clear();
        }

        try
        {
            Evicted?.Invoke(conversation.Ref);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Cleaning up after an evicted Direct Line conversation failed");
        }
    }

    /// <inheritdoc />
    public Task<(DirectLineConversationRef Conversation, DirectLineToken Token)> CreateAsync(CancellationToken cancellationToken)
    {
        var (conversation, token) = Create();
        return Task.FromResult((conversation.Ref, token));
    }

    /// <inheritdoc />
    public Task<DirectLineToken?> ValidateTokenAsync(string? token, CancellationToken cancellationToken) => Task.FromResult(ValidateToken(token));

    /// <inheritdoc />
    public Task<DirectLineConversationRef?> TouchAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = Find(conversationId);
        conversation?.Touch(_clock.GetUtcNow());
        return Task.FromResult(conversation?.Ref);
    }

    /// <inheritdoc />
    public Task<DirectLineToken> IssueTokenAsync(DirectLineConversationRef conversation, CancellationToken cancellationToken) =>
        Find(conversation.Id) is { } found ? Task.FromResult(IssueToken(found)) : throw new InvalidOperationException("The conversation is gone.");

    /// <inheritdoc />
    public Task<bool> TryStartAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId)?.TryStart() == true);

    /// <inheritdoc />
    public Task<string> AppendAsync(string conversationId, Microsoft.Bot.Schema.Activity activity, CancellationToken cancellationToken) =>
        Find(conversationId) is { } found ? Task.FromResult(found.Append(activity, _clock.GetUtcNow())) : throw new InvalidOperationException("The conversation is gone.");

    /// <inheritdoc />
    public Task<(IReadOnlyList<string> Activities, long Watermark)> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken) =>
        Task.FromResult(Find(conversationId)?.Read(watermark) ?? ((IReadOnlyList<string>)Array.Empty<string>(), watermark ?? 0));

    /// <inheritdoc />
    public Task<int> SweepAsync(CancellationToken cancellationToken) => Task.FromResult(Sweep());

    /// <summary>An unguessable identifier: <paramref name="bytes"/> random bytes, base64url.</summary>
    internal static string NewId(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
