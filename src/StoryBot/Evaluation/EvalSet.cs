using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoryBot.Evaluation;

/// <summary>A question set file: the article it is about and its cases.</summary>
public sealed class EvalSet
{
    [JsonPropertyName("article")] public string? Article { get; set; }
    [JsonPropertyName("cases")] public List<EvalCase> Cases { get; set; } = new();

    /// <summary>
    /// The set's own story: <c>story.txt</c> beside the questions, else the story file its <c>article</c> names relative to
    /// them (a probe kept apart from a training story's own sets: "../../train/chip-plant/story.txt"); null for a set
    /// about the configured story.
    /// </summary>
    [JsonIgnore] public string? StoryPath { get; set; }

    /// <summary>Settings that serve this set's own story (with a scratch index per story), layered over <paramref name="configuration"/>.</summary>
    public IConfiguration Configure(IConfiguration configuration)
    {
        if (StoryPath is null)
        {
            return configuration;
        }

        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Story:Path"] = StoryPath,
            ["Story:Title"] = string.Empty,
            ["Story:Source"] = string.Empty,
            ["Story:IndexPath"] = Path.Combine(Path.GetTempPath(), "storybot-eval-index", Path.GetFileName(Path.GetDirectoryName(StoryPath)!) + (configuration.GetValue("Answer:Features:Semantic", true) ? string.Empty : "-lexical")),
        }).Build();
    }

    public static EvalSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The question set '{path}' does not exist.", path);
        }

        try
        {
            var set = JsonSerializer.Deserialize<EvalSet>(File.ReadAllText(path)) ?? new EvalSet();
            RequireGradable(set, path);
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var story = Path.Combine(folder, "story.txt");
            var named = set.Article is { Length: > 0 } article ? Path.GetFullPath(Path.Combine(folder, article)) : null;
            set.StoryPath = File.Exists(story) ? story : named is not null && File.Exists(named) ? named : null;
            return set;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The question set '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A case that cannot be graded (no kind, or an answerable or follow-up case with no support) is refused by
    /// name rather than counted as a failure: <c>feedback --export</c> writes such cases for a person to finish.
    /// </summary>
    private static void RequireGradable(EvalSet set, string path)
    {
        var unfinished = set.Cases
            .Where(c => c.Kind is not ("answerable" or "unanswerable" or "smalltalk" or "followup")
                || (c.Kind is "answerable" or "followup" && (c.Support is null || !c.Support.Any(s => !string.IsNullOrWhiteSpace(s)))))
            .Select(c => c.Id)
            .ToList();
        if (unfinished.Count > 0)
        {
            throw new InvalidDataException(
                $"The question set '{path}' has {unfinished.Count} case(s) without a kind, or answerable/followup without support ({string.Join(", ", unfinished.Take(5))}{(unfinished.Count > 5 ? ", …" : string.Empty)}): " +
                "set kind (answerable, unanswerable, smalltalk or followup) and, for answerable and followup, support (a 5+ word substring of the answering sentence).");
        }
    }
}
