namespace StoryBot.Feedback;

/// <summary>
/// Where ratings are kept: the store of Storage:Kind, so with a shared store every instance and the
/// <c>feedback</c> command see the same ratings. Only what the loop needs: keep and list ratings, one salt,
/// and which answer a channel's message id names (Teams rates by the id its connector gave the reply, known
/// only once the reply is out, which with Storage:Kind=redis is after the turn's state was saved).
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Keeps <paramref name="record"/>, replacing an earlier one with the same <see cref="FeedbackRecord.Key"/>.</summary>
    Task AddOrReplaceAsync(FeedbackRecord record, CancellationToken cancellationToken = default);

    /// <summary>Every record still within retention, oldest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The salt of the user and conversation hashes: made once, then the same for everyone sharing the store.</summary>
    Task<string> GetOrCreateSaltAsync(CancellationToken cancellationToken = default);

    /// <summary>Remembers for <see cref="SentAnswerLifetime"/> that the channel's message <paramref name="messageId"/> is <paramref name="answer"/>.</summary>
    Task RememberSentAsync(string messageId, SentAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>The answer the channel's message <paramref name="messageId"/> is, or null when unknown or forgotten.</summary>
    Task<SentAnswer?> FindSentAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>How long a sent answer can be rated through its message id: a day, longer than anyone rates a reply still on screen.</summary>
    public static readonly TimeSpan SentAnswerLifetime = TimeSpan.FromDays(1);
}
