namespace StoryBot.Feedback;

/// <summary>The answers a conversation keeps for rating: the newest <see cref="MaxKept"/>, found by either id.</summary>
public static class ConversationAnswers
{
    /// <summary>Enough for any answer still on screen; bounded so state stays small.</summary>
    public const int MaxKept = 20;

    public static void Remember(List<SentAnswer> answers, SentAnswer answer)
    {
        answers.Add(answer);
        if (answers.Count > MaxKept)
        {
            answers.RemoveRange(0, answers.Count - MaxKept);
        }
    }

    /// <summary>The answer whose id is <paramref name="id"/>; null when it is not (or no longer) kept.</summary>
    public static SentAnswer? Find(IReadOnlyList<SentAnswer>? answers, string? id) =>
        string.IsNullOrEmpty(id) || answers is null ? null : answers.LastOrDefault(a => a.Id == id);
}
