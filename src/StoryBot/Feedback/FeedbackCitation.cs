namespace StoryBot.Feedback;

/// <summary>One sentence an answer cited, as kept with a rating: enough to find it again and to read it. Immutable (<see cref="SentAnswer"/>).</summary>
public sealed class FeedbackCitation
{
    public string Story { get; init; } = string.Empty;

    public int Paragraph { get; init; }

    public int Sentence { get; init; }

    /// <remarks>
    /// Empty in the conversation's state (<see cref="WithoutText"/>), and then left out of its JSON, which BotState writes
    /// twice a turn; read back as empty.
    /// </remarks>
    [System.ComponentModel.DefaultValue("")]
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Ignore)]
    public string Text { get; init; } = string.Empty;

    /// <summary>The bolded answer inside <see cref="Text"/>, or null (then left out of the state's JSON).</summary>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Span { get; init; }

    public static FeedbackCitation From(StoryBot.Knowledge.Answering.Citation c) => new()
    {
        Story = c.StoryId,
        Paragraph = c.Paragraph,
        Sentence = c.Sentence,
        Text = c.Text,
        Span = c.Span,
    };

    /// <summary>
    /// A copy without the sentence's text, for the conversation's state: the story, paragraph and sentence number find it
    /// again (<see cref="WithText"/>), and the state, serialised to JSON on every turn, stays about half as large.
    /// </summary>
    public FeedbackCitation WithoutText() => new() { Story = Story, Paragraph = Paragraph, Sentence = Sentence, Span = Span };

    /// <summary>A copy whose text, when it was left out (<see cref="WithoutText"/>), is read back from the story being served.</summary>
    /// <param name="sentenceText">The text of a story's sentence by its number; null when the story no longer has it (the text stays empty).</param>
    public FeedbackCitation WithText(Func<string, int, string?> sentenceText) => new()
    {
        Story = Story,
        Paragraph = Paragraph,
        Sentence = Sentence,
        Text = Text.Length == 0 ? sentenceText(Story, Sentence) ?? string.Empty : Text,
        Span = Span,
    };
}
