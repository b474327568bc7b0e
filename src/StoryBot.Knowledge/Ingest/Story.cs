namespace StoryBot.Knowledge.Ingest;

/// <summary>
/// A story as the bot cites it: its id, the title and source line shown in references, the dateline
/// (kept apart because it is not something to answer from) and its numbered sentences.
/// </summary>
public sealed class Story
{
    public Story(string id, string title, string source, string? dateline, IReadOnlyList<StorySentence> sentences, string contentHash)
    {
        Id = id;
        Title = title;
        Source = source;
        Dateline = dateline;
        Sentences = sentences;
        ContentHash = contentHash;
    }

    public string Id { get; }
    public string Title { get; }
    public string Source { get; }
    public string? Dateline { get; }
    public IReadOnlyList<StorySentence> Sentences { get; }

    /// <summary>SHA-256 of the raw file; the index is rebuilt when it changes.</summary>
    public string ContentHash { get; }

    public int ParagraphCount => Sentences.Count == 0 ? 0 : Sentences[^1].Paragraph;

    /// <summary>The sentence with the given 1-based number, or null.</summary>
    public StorySentence? Sentence(int number) =>
        number >= 1 && number <= Sentences.Count ? Sentences[number - 1] : null;
}
