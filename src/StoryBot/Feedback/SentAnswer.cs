namespace StoryBot.Feedback;

/// <summary>
/// An answer the bot sent, kept so a later 👍/👎 can be matched to it: Web Chat names it by the <see cref="Id"/>
/// the bot put on the thumbs' <c>@id</c> (looked up in the conversation's state, which keeps its last
/// <see cref="ConversationAnswers.MaxKept"/>); Teams by the id its connector gave the reply (looked up in the
/// feedback store, <see cref="IFeedbackStore.FindSentAsync"/>, with the <see cref="Conversation"/> it belongs to).
/// Immutable, as are its citations: the conversation's state keeps up to <see cref="ConversationAnswers.MaxKept"/> of
/// them and is copied on every read and write of a turn, and a copy can share what nobody can change.
/// </summary>
public sealed class SentAnswer
{
    public string Id { get; init; } = string.Empty;

    /// <summary>The conversation's salted hash, set when the answer is remembered by message id: a rating must come from it.</summary>
    /// <remarks>Left out of the conversation state's JSON while null (always, there), which BotState writes twice a turn.</remarks>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Conversation { get; init; }

    public string Question { get; init; } = string.Empty;

    public string Intent { get; init; } = string.Empty;

    public double Confidence { get; init; }

    public string Story { get; init; } = string.Empty;

    public IReadOnlyList<FeedbackCitation> Citations { get; init; } = new List<FeedbackCitation>();

    /// <summary>The same answer remembered by message id: with the salted hash of the conversation it was sent in.</summary>
    public SentAnswer WithConversation(string? conversation) => new()
    {
        Id = Id,
        Conversation = conversation,
        Question = Question,
        Intent = Intent,
        Confidence = Confidence,
        Story = Story,
        Citations = Citations,
    };

    /// <summary>
    /// A copy for the conversation's state, whose citations keep where the sentence is but not its text
    /// (<see cref="FeedbackCitation.WithoutText"/>): up to <see cref="ConversationAnswers.MaxKept"/> answers are serialised
    /// with the state on every turn, and the sentences were about half of it.
    /// </summary>
    public SentAnswer ForState() => With(c => c.WithoutText());

    /// <summary>A copy whose citations' texts are read back from the story (<see cref="FeedbackCitation.WithText"/>), to rate it.</summary>
    public SentAnswer WithSentences(Func<string, int, string?> sentenceText) => With(c => c.WithText(sentenceText));

    /// <remarks>A loop into a list of the right size.</remarks>
    private SentAnswer With(Func<FeedbackCitation, FeedbackCitation> citation)
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
