namespace StoryBot.Feedback;

/// <summary>What became of a rating, as an invoke answers it: 200 kept; 400 not a rating; 404 no such answer here; 503 the store failed.</summary>
public sealed record FeedbackOutcome(int Status, string? Reason = null)
{
    public static readonly FeedbackOutcome Kept = new(StatusCodes.Status200OK);

    /// <summary>The invoke response body: nothing when kept, else a short reason (never a stack trace).</summary>
    public object? Body => Reason is null ? null : new { error = Reason };
}
