namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Switches for each answering technique. All on in production; the evaluation's ablation turns them off
/// one at a time to show what each contributes.
/// </summary>
public sealed record KnowledgeFeatures
{
    public bool Synonyms { get; init; } = true;
    public bool Places { get; init; } = true;
    public bool Typos { get; init; } = true;
    public bool Lexicon { get; init; } = true;
    public bool Aliases { get; init; } = true;
    public bool AnswerTypes { get; init; } = true;
    public bool Context { get; init; } = true;
    public bool FollowUps { get; init; } = true;

    /// <summary>The sentence-embedding retriever and its features; off = lexical-only (no model loaded, ~250 MB less).</summary>
    public bool Semantic { get; init; } = true;

    public static KnowledgeFeatures All { get; } = new();
}
