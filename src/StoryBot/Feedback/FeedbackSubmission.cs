namespace StoryBot.Feedback;

/// <summary>
/// A rating as a channel sent it, before it is matched to an answer: which answer (Teams' reply id or the
/// bot's own answer id), the reaction, and an optional comment; or, for a payload that is not one, why.
/// </summary>
public sealed record FeedbackSubmission(string? AnswerRef, string? Reaction, string? Comment, string? Error = null)
{
    public static FeedbackSubmission Invalid(string error) => new(null, null, null, error);

    public bool IsValid => Error is null;
}
