namespace StoryBot.Feedback;

/// <summary>
/// An answer the bot sent, kept in the conversation's state so a later 👍/👎 can be matched to it: Teams
/// names the answer by the id its connector returned (<see cref="ActivityId"/>), Web Chat by the
/// <see cref="Id"/> the bot put on the thumbs' <c>@id</c>. A conversation keeps its last
/// <see cref="ConversationAnswers.MaxKept"/>; they go when the conversation's state does.
/// </summary>
public sealed class SentAnswer
{
    public string Id { get; set; } = string.Empty;

    /// <summary>ResourceResponse.Id of the sent reply (Teams' message id); null when the channel returned none.</summary>
    public string? ActivityId { get; set; }

    public string Question { get; set; } = string.Empty;

    public string Intent { get; set; } = string.Empty;

    public double Confidence { get; set; }

    public string Story { get; set; } = string.Empty;

    public List<FeedbackCitation> Citations { get; set; } = new();

    public SentAnswer Copy() => new()
    {
        Id = Id,
        ActivityId = ActivityId,
        Question = Question,
        Intent = Intent,
        Confidence = Confidence,
        Story = Story,
        Citations = Citations?.Select(c => c.Copy()).ToList() ?? new List<FeedbackCitation>(),
    };
}
