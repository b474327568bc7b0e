namespace StoryBot.Knowledge.Answering;

/// <summary>
/// A cited sentence: which story, paragraph (1-based, dateline excluded) and sentence (1-based across the
/// story), the whole sentence, and the span inside it that answers the question (null when the
/// question asks for no name, date, place or number).
/// </summary>
public sealed record Citation(string StoryId, string StoryTitle, string StorySource, int Paragraph, int Sentence, string Text, string? Span, int SpanStart = -1);
