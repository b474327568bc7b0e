namespace StoryBot.Feedback;

/// <summary>
/// Where ratings are kept: the store of Storage:Kind, so with a shared store every instance and the
/// <c>feedback</c> command see the same ratings. Only what the loop needs: keep, list, and one salt.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Keeps <paramref name="record"/>, replacing an earlier one with the same <see cref="FeedbackRecord.Key"/>.</summary>
    Task AddOrReplaceAsync(FeedbackRecord record, CancellationToken cancellationToken = default);

    /// <summary>Every record still within retention, oldest first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The salt of the user and conversation hashes: made once, then the same for everyone sharing the store.</summary>
    Task<string> GetOrCreateSaltAsync(CancellationToken cancellationToken = default);
}
