namespace StoryBot.Knowledge.Answering;

/// <summary>
/// What the bot remembers of one conversation so follow-ups work: the last cited sentence and the
/// subject of the last question. A plain serialisable object, so the host can keep it in any state store.
/// </summary>
public sealed class ConversationMemory
{
    public string? LastStoryId { get; set; }

    public int LastSentence { get; set; }

    /// <summary>Surface words of the last question's concepts (its subject), for "it"/"that".</summary>
    public List<string> LastTerms { get; set; } = new();

    /// <summary>Entity keys (surnames) the last turn was about, for "he"/"she".</summary>
    public List<string> LastEntities { get; set; } = new();

    public int Turns { get; set; }

    public void Clear()
    {
        LastStoryId = null;
        LastSentence = 0;
        LastTerms.Clear();
        LastEntities.Clear();
    }
}
