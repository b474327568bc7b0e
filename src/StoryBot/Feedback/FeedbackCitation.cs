namespace StoryBot.Feedback;

/// <summary>One sentence an answer cited, as kept with a rating: enough to find it again and to read it.</summary>
public sealed class FeedbackCitation
{
    public string Story { get; set; } = string.Empty;

    public int Paragraph { get; set; }

    public int Sentence { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>The bolded answer inside <see cref="Text"/>, or null.</summary>
    public string? Span { get; set; }

    public static FeedbackCitation From(StoryBot.Knowledge.Answering.Citation c) => new()
    {
        Story = c.StoryId,
        Paragraph = c.Paragraph,
        Sentence = c.Sentence,
        Text = c.Text,
        Span = c.Span,
    };

    public FeedbackCitation Copy() => new() { Story = Story, Paragraph = Paragraph, Sentence = Sentence, Text = Text, Span = Span };
}
