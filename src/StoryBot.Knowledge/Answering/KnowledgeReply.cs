namespace StoryBot.Knowledge.Answering;

/// <summary>
/// What the knowledge core answers to one message, before any channel rendering: the reply kind, whether
/// it answers from the story, a confidence in 0..1, citations (the top answer first), near misses shown
/// on a decline, and suggested next questions.
/// </summary>
public sealed record KnowledgeReply
{
    public required ReplyKind Kind { get; init; }
    public bool Answered { get; init; }
    public double Confidence { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = Array.Empty<Citation>();
    public IReadOnlyList<Citation> Related { get; init; } = Array.Empty<Citation>();
    public IReadOnlyList<string> Suggestions { get; init; } = Array.Empty<string>();

    /// <summary>The user's question as understood, e.g. for "The story doesn't say …".</summary>
    public string? Question { get; init; }

    /// <summary>
    /// The second-ranked sentence of an answered question and its calibrated confidence: when the two are
    /// nearly tied the pick was a coin toss, a question worth a person's review (the feedback loop's near-ties).
    /// </summary>
    public Citation? RunnerUp { get; init; }

    public double RunnerUpConfidence { get; init; }

    /// <summary>True for "tell me more" at the end of the story, or "source?" with nothing cited yet.</summary>
    public bool NothingToCite { get; init; }
}
