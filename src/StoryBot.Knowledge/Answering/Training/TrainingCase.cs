namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// One labelled case for fitting the scorer: its kind (answerable, unanswerable, followup, smalltalk), the turns
/// of one conversation (only the last is labelled) and the support substrings a right citation contains.
/// </summary>
public sealed record TrainingCase(string Id, string Kind, IReadOnlyList<string> Turns, IReadOnlyList<string> Support)
{
    /// <summary>Whether the story answers the last turn.</summary>
    public bool Answerable => Kind is "answerable" or "followup";
}
