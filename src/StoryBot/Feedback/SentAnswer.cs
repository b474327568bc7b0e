namespace StoryBot.Feedback;

/// <summary>
/// An answer the bot sent, kept so a later 👍/👎 can be matched to it: Web Chat names it by the <see cref="Id"/>
/// the bot put on the thumbs' <c>@id</c> (looked up in the conversation's state, which keeps its last
/// <see cref="ConversationAnswers.MaxKept"/>); Teams by the id its connector gave the reply (looked up in the
/// feedback store, <see cref="IFeedbackStore.FindSentAsync"/>, with the <see cref="Conversation"/> it belongs to).
/// </summary>
public sealed class SentAnswer
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The conversation's salted hash, set when the answer is remembered by message id: a rating must come from it.</summary>
    /// <remarks>Left out of the conversation state's JSON while null (always, there), which BotState writes twice a turn.</remarks>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Conversation { get; set; }

    public string Question { get; set; } = string.Empty;

    public string Intent { get; set; } = string.Empty;

    public double Confidence { get; set; }

    public string Story { get; set; } = string.Empty;

    public List<FeedbackCitation> Citations { get; set; } = new();

    public SentAnswer Copy() => Copy(c => c.Copy());

    /// <summary>
    /// A copy for the conversation's state, whose citations keep where the sentence is but not its text
    /// (<see cref="FeedbackCitation.WithoutText"/>): up to <see cref="ConversationAnswers.MaxKept"/> answers are serialised
    /// with the state on every turn, and the sentences were about half of it.
    /// </summary>
    public SentAnswer ForState() => Copy(c => c.WithoutText());

    /// <summary>A copy whose citations' texts are read back from the story (<see cref="FeedbackCitation.WithText"/>), to rate it.</summary>
    public SentAnswer WithSentences(Func<string, int, string?> sentenceText) => Copy(c => c.WithText(sentenceText));

    /// <remarks>A loop into a list of the right size: the state's answers are copied on every read and write of a turn.</remarks>
    private SentAnswer Copy(Func<FeedbackCitation, FeedbackCitation> citation)
    {
        var citations = new List<FeedbackCitation>(Citations?.Count ?? 0);
        if (Citations is not null)
        {
            foreach (var c in Citations)
            {
                citations.Add(citation(c));
            }
        }

        return new SentAnswer
        {
            Id = Id,
            Conversation = Conversation,
            Question = Question,
            Intent = Intent,
            Confidence = Confidence,
            Story = Story,
            Citations = citations,
        };
    }
}
