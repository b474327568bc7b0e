namespace StoryBot.Knowledge.Ingest;

/// <summary>
/// One sentence of a story, numbered the way citations quote it: <see cref="Paragraph"/> is 1-based
/// with the dateline excluded and <see cref="Number"/> is 1-based across the whole story.
/// </summary>
public sealed record StorySentence(string StoryId, int Paragraph, int Number, string Text);
