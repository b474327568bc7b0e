namespace StoryBot.Feedback;

/// <summary>
/// One kept rating (or near-tie): when, where, the reaction and comment, the question and what the bot
/// answered (intent, confidence, citations), the bot's version, and who only as salted hashes. The question
/// is kept whatever Turns:LogUserText says: a rating is given to be read.
/// </summary>
public sealed record FeedbackRecord
{
    /// <summary>The answer rated: the id the bot gave it when it was sent.</summary>
    public required string AnswerId { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Channel { get; init; }

    /// <summary><see cref="FeedbackReaction"/>: like, dislike or nearTie.</summary>
    public required string Reaction { get; init; }

    public string? Comment { get; init; }

    public required string Question { get; init; }

    /// <summary>The reply's intent as in the <c>storybot.reply</c> entity (answer, noAnswer, more, …).</summary>
    public required string Intent { get; init; }

    public double Confidence { get; init; }

    /// <summary>The story the answer was about (its first citation's, else the closest passage's, else the only story).</summary>
    public required string Story { get; init; }

    public IReadOnlyList<FeedbackCitation> Citations { get; init; } = Array.Empty<FeedbackCitation>();

    /// <summary>A near-tie's second-best sentence and its confidence.</summary>
    public FeedbackCitation? RunnerUp { get; init; }

    public double? RunnerUpConfidence { get; init; }

    /// <summary>The bot's version (the host assembly's informational version).</summary>
    public required string Version { get; init; }

    /// <summary>SHA-256 of salt, channel and user id (hex, 32 characters): the same person, never who.</summary>
    public required string User { get; init; }

    public required string Conversation { get; init; }

    /// <summary>A user's new rating of the same answer replaces the earlier one: this is what they share.</summary>
    public string Key => AnswerId + "|" + User;
}
