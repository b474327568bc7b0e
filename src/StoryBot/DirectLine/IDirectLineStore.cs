using Microsoft.Bot.Schema;

namespace StoryBot.DirectLine;

/// <summary>
/// Where the built-in Direct Line keeps conversations, tokens and activity streams: this process's memory
/// (<see cref="DirectLineConversationStore"/>) or Redis (<see cref="RedisDirectLineStore"/>, with
/// <c>Storage:Kind=redis</c>, so a conversation started on one instance is polled and posted to on any).
/// Both are bounded the same way: idle conversations expire, their number is capped (least recently used
/// goes first) and each stream keeps at most <c>MaxActivitiesPerConversation</c> activities.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Raised after a conversation was evicted to respect the cap, so its bot state can be dropped too.</summary>
    event Action<DirectLineConversationRef>? Evicted;

    /// <summary>Creates a conversation for a new user and the first token for it.</summary>
    Task<(DirectLineConversationRef Conversation, DirectLineToken Token)> CreateAsync(CancellationToken cancellationToken);

    /// <summary>Looks a token up; null when it is unknown or expired.</summary>
    Task<DirectLineToken?> ValidateTokenAsync(string? token, CancellationToken cancellationToken);

    /// <summary>Finds a conversation and marks it used now; null when it is gone.</summary>
    Task<DirectLineConversationRef?> TouchAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>A fresh token for the conversation; the previous one stays valid until it expires, older ones are revoked.</summary>
    Task<DirectLineToken> IssueTokenAsync(DirectLineConversationRef conversation, CancellationToken cancellationToken);

    /// <summary>True for exactly one caller per conversation: the one that runs the welcome turn.</summary>
    Task<bool> TryStartAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Adds an activity to the stream with the next id (<c>{conversation}|{seq:D7}</c>) and a strictly later timestamp; returns the id.</summary>
    Task<string> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>The kept activities after <paramref name="watermark"/> (all when null), as JSON, and the watermark to ask with next.</summary>
    Task<(IReadOnlyList<string> Activities, long Watermark)> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken);

    /// <summary>Drops conversations idle past the idle timeout and expired tokens; returns how many conversations went.</summary>
    Task<int> SweepAsync(CancellationToken cancellationToken);
}
