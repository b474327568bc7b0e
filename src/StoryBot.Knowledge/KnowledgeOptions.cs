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

    /// <summary>Where the fitted answer model lives, relative to the configuration root by default.</summary>
    public const string DefaultModelPath = "src/StoryBot.Knowledge/Answering/Data/answer-model.json";

    /// <summary>The fitted answer model file (<see cref="Answering.AnswerModel"/>).</summary>
    public required string ModelPath { get; init; }

    /// <summary>Overrides the model's fitted decline threshold (a calibrated probability) when set.</summary>
    public double? ConfidenceThreshold { get; init; }

    /// <summary>The default of <see cref="QueryCacheSize"/>: the suggested questions and the common wordings, many times over.</summary>
    public const int DefaultQueryCacheSize = 4096;

    /// <summary>How many question embeddings to keep by exact text (0: none; the benchmarks measure without unless asked).</summary>
    public int QueryCacheSize { get; init; } = DefaultQueryCacheSize;

    /// <summary>Rebuild the index even if it is current (the <c>reindex</c> command).</summary>
    public bool ForceRebuild { get; init; }

    public KnowledgeFeatures Features { get; init; } = KnowledgeFeatures.All;

    /// <summary>
    /// Measure every named feature, also those the loaded model gives no weight: the trainer fits on all of them and
    /// keeps their scaling in the model file. Serving skips the costly features the model weighs nowhere (the plain BM25 of
    /// the question's words — a second Lucene search per question —, the semantic rank and agreement, the which-noun match,
    /// the role-holder naming; see <see cref="Answering.ScorerWeights.Weighs"/>).
    /// </summary>
    public bool MeasureEveryFeature { get; init; }
}
