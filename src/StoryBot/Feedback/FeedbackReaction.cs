namespace StoryBot.Feedback;

/// <summary>
/// What a kept record says about an answer: the two words Teams sends (<c>like</c>, <c>dislike</c>), and
/// <c>nearTie</c> for an answer the bot itself flagged because its two best sentences were nearly tied.
/// </summary>
public static class FeedbackReaction
{
    public const string Like = "like";
    public const string Dislike = "dislike";
    public const string NearTie = "nearTie";

    /// <summary>The rating a person gave, from Teams' word or Web Chat's schema.org action type; null when neither.</summary>
    public static string? Parse(string? word) => word switch
    {
        "like" or "LikeAction" => Like,
        "dislike" or "DislikeAction" => Dislike,
        _ => null,
    };
}
