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
    /// <summary>Answer:ConfidenceThreshold when configured; null keeps the knowledge core's own default (<see cref="KnowledgeOptions.ConfidenceThreshold"/>), the only one.</summary>
    public double? ConfidenceThreshold { get; init; }

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
        ConfidenceThreshold = configuration.GetValue<double?>("Answer:ConfidenceThreshold"),
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
        },
    };

    public KnowledgeOptions ToKnowledgeOptions(bool forceRebuild = false)
    {
        var options = new KnowledgeOptions
        {
            StoryPath = StoryPath,
            IndexPath = IndexPath,
            Title = Title,
            Source = Source,
            ForceRebuild = forceRebuild,
            Features = Features,
        };
        return ConfidenceThreshold is { } threshold ? options with { ConfidenceThreshold = threshold } : options;
    }
}
