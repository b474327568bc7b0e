using StoryBot.Knowledge.Understanding;

namespace StoryBot.Knowledge;

/// <summary>Where the stories and the index are, and how sure the bot must be before it answers.</summary>
public sealed record KnowledgeOptions
{
    /// <summary>A story file, or a folder of <c>*.txt</c> stories.</summary>
    public required string StoryPath { get; init; }

    /// <summary>The folder of the on-disk Lucene index.</summary>
    public required string IndexPath { get; init; }

    /// <summary>Title shown in references (a single story); folders may name titles per file.</summary>
    public string? Title { get; init; }

    /// <summary>Source line shown in references, e.g. "AP, Washington, May 2017".</summary>
    public string? Source { get; init; }

    /// <summary>Below this confidence the bot declines instead of answering.</summary>
    public double ConfidenceThreshold { get; init; } = 0.5;

    /// <summary>Rebuild the index even if it is current (the <c>reindex</c> command).</summary>
    public bool ForceRebuild { get; init; }

    public KnowledgeFeatures Features { get; init; } = KnowledgeFeatures.All;
}
