namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// One labelled case for fitting the scorer: its kind (answerable, unanswerable, followup, smalltalk), the turns
/// of one conversation (only the last is labelled), the support substrings a right citation contains and the
/// expected answers a right highlight gives (<see cref="SpanMatch"/>; none: the span model does not learn from it).
/// </summary>
public sealed record TrainingCase(string Id, string Kind, IReadOnlyList<string> Turns, IReadOnlyList<string> Support, IReadOnlyList<string>? Answers = null)
{
    /// <summary>Whether the story answers the last turn.</summary>
    public bool Answerable => Kind is "answerable" or "followup";
}
