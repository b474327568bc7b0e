namespace StoryBot.Feedback;

/// <summary>
/// Section Feedback: the 👍/👎 loop is on by default, because a wrong answer that leaves no trace cannot be
/// fixed. What a rating keeps and for how long is documented in the README ("Feedback").
/// </summary>
public sealed record FeedbackOptions
{
    /// <summary>Feedback:Enabled: offer 👍/👎 on answers and keep the ratings.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Feedback:HashSalt: salt of the user and conversation hashes; empty: one random salt kept in the store.</summary>
    public string HashSalt { get; init; } = string.Empty;

    /// <summary>Feedback:RetentionDays: a rating older than this is dropped (and in Redis expires).</summary>
    public int RetentionDays { get; init; } = 90;

    /// <summary>Feedback:Path: an append-only JSON Lines file every rating is also written to; empty: none.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// Feedback:NearTieMargin: an answer whose two best sentences' calibrated confidences are closer than this
    /// is kept as a near-tie for review without anyone clicking (0 turns it off).
    /// </summary>
    public double NearTieMargin { get; init; } = 0.05;

    /// <summary>Feedback:MaxCommentLength: a longer comment is refused, not cut (it was not written to be cut).</summary>
    public int MaxCommentLength { get; init; } = 2000;

    /// <summary>Feedback:MaxRatings: the most ratings the in-process store holds; the oldest go first.</summary>
    public int MaxRatings { get; init; } = 10_000;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    /// <summary>Reads section Feedback; a value out of range is a start-up error that names the key.</summary>
    public static FeedbackOptions From(IConfiguration configuration, string configRoot)
    {
        var d = new FeedbackOptions();
        var options = new FeedbackOptions
        {
            Enabled = configuration.GetValue("Feedback:Enabled", d.Enabled),
            HashSalt = configuration["Feedback:HashSalt"] ?? string.Empty,
            RetentionDays = configuration.GetValue("Feedback:RetentionDays", d.RetentionDays),
            Path = configuration["Feedback:Path"] is { Length: > 0 } path ? Hosting.StoryBotPaths.Resolve(configRoot, path) : null,
            NearTieMargin = configuration.GetValue("Feedback:NearTieMargin", d.NearTieMargin),
            MaxCommentLength = configuration.GetValue("Feedback:MaxCommentLength", d.MaxCommentLength),
            MaxRatings = configuration.GetValue("Feedback:MaxRatings", d.MaxRatings),
        };
        if (options.RetentionDays is < 1 or > 3650)
        {
            throw new InvalidOperationException($"Feedback:RetentionDays must be between 1 and 3650, not {options.RetentionDays}.");
        }

        if (options.NearTieMargin is < 0 or > 1)
        {
            throw new InvalidOperationException($"Feedback:NearTieMargin must be between 0 and 1, not {options.NearTieMargin}.");
        }

        if (options.MaxCommentLength < 0 || options.MaxRatings < 1)
        {
            throw new InvalidOperationException("Feedback:MaxCommentLength must be 0 or more and Feedback:MaxRatings 1 or more.");
        }

        return options;
    }
}
