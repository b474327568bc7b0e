using Microsoft.Extensions.Configuration;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Hosting;

/// <summary>The bot's own settings (sections Story, Answer, Turns), read once at start.</summary>
public sealed record StoryBotOptions
{
    public required string ConfigRoot { get; init; }
    public required string StoryPath { get; init; }
    public required string IndexPath { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }

    /// <summary>The fitted answer model (weights, calibration, decline threshold); see <c>train</c>.</summary>
    public required string ModelPath { get; init; }

    /// <summary>An override of the model's fitted decline threshold (Answer:ConfidenceThreshold); null keeps the fitted one.</summary>
    public double? ConfidenceThreshold { get; init; }

    /// <summary>
    /// How many question embeddings are kept (by exact text; <c>Answer:QueryCacheSize</c>). 0 turns the cache off, which
    /// the load test's distinct mix uses so that no question is cheaper for having been asked before.
    /// </summary>
    public int QueryCacheSize { get; init; } = KnowledgeOptions.DefaultQueryCacheSize;

    /// <summary>Whether turn logs may include the user's text (off by default: it can hold personal data).</summary>
    public bool LogUserText { get; init; }

    /// <summary>Answering techniques (section Answer:Features), all on by default; the ablation turns them off.</summary>
    public KnowledgeFeatures Features { get; init; } = KnowledgeFeatures.All;

    public static StoryBotOptions From(IConfiguration configuration, string configRoot) => new()
    {
        ConfigRoot = configRoot,
        StoryPath = StoryBotPaths.Resolve(configRoot, configuration["Story:Path"] ?? "stories"),
        IndexPath = StoryBotPaths.Resolve(configRoot, configuration["Story:IndexPath"] ?? "index"),
        Title = configuration["Story:Title"],
        Source = configuration["Story:Source"],
        ModelPath = StoryBotPaths.Resolve(configRoot, configuration["Answer:ModelPath"] is { Length: > 0 } model ? model : KnowledgeOptions.DefaultModelPath),
        ConfidenceThreshold = configuration.GetValue<double?>("Answer:ConfidenceThreshold"),
        QueryCacheSize = CacheSize(configuration.GetValue("Answer:QueryCacheSize", KnowledgeOptions.DefaultQueryCacheSize)),
        LogUserText = configuration.GetValue("Turns:LogUserText", false),
        Features = new KnowledgeFeatures
        {
            Synonyms = configuration.GetValue("Answer:Features:Synonyms", true),
            Places = configuration.GetValue("Answer:Features:Places", true),
            Typos = configuration.GetValue("Answer:Features:Typos", true),
            Lexicon = configuration.GetValue("Answer:Features:Lexicon", true),
            Aliases = configuration.GetValue("Answer:Features:Aliases", true),
            AnswerTypes = configuration.GetValue("Answer:Features:AnswerTypes", true),
            Context = configuration.GetValue("Answer:Features:Context", true),
            FollowUps = configuration.GetValue("Answer:Features:FollowUps", true),
            Semantic = configuration.GetValue("Answer:Features:Semantic", true),
        },
    };

    private static int CacheSize(int size) =>
        size >= 0 ? size : throw new InvalidOperationException($"Answer:QueryCacheSize must be 0 (off) or more; it is {size}.");

    public KnowledgeOptions ToKnowledgeOptions(bool forceRebuild = false) => new()
    {
        StoryPath = StoryPath,
        IndexPath = IndexPath,
        Title = Title,
        Source = Source,
        ModelPath = ModelPath,
        ConfidenceThreshold = ConfidenceThreshold,
        QueryCacheSize = QueryCacheSize,
        ForceRebuild = forceRebuild,
        Features = Features,
    };
}
