namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// One labelled case for fitting the scorer: its kind (answerable, unanswerable, followup, smalltalk), the turns
/// of one conversation (only the last is labelled), the support substrings a right citation contains and the
/// expected answers a right highlight gives (<see cref="SpanMatch"/>; none: the span model does not learn from it).
/// </summary>
public sealed record TrainingCase(string Id, string Kind, IReadOnlyList<string> Turns, IReadOnlyList<string> Support, IReadOnlyList<string>? Answers = null)
{
    /// <summary>
    /// A case written to teach the ranker one kind of question (the "who is X" cases beside a set): it is ranked and
    /// its span learned, but it is left out of the calibrator, the threshold and the validation figures, whose mix of
    /// answerable and unanswerable questions must stay the sets' own.
    /// </summary>
    public bool RankerOnly { get; init; }

    /// <summary>Whether the story answers the last turn.</summary>
    public bool Answerable => Kind is "answerable" or "followup";
}
