using StoryBot.Evaluation;
using StoryBot.Hosting;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Answering.Training;

namespace StoryBot.Cli;

/// <summary>
/// <c>train [--out PATH] [--cases PATH]</c>: fits the answer model on the training pool (<c>eval/train/*</c> and
/// <c>eval/dev</c>) and writes it to <c>Answer:ModelPath</c>; <c>--cases</c> also writes each case's leave-one-story-out
/// outcome (a TSV) to read which questions the model gets wrong on stories it was not fitted on. The frozen held-out
/// split (<c>eval/heldout</c>) is never read.
/// </summary>
public static class TrainCommand
{
    /// <summary>How the command is called, printed for <c>--help</c> and after an argument it does not accept.</summary>
    public const string Usage = "usage: train [--out PATH] [--cases PATH]";

    public static int Run(string[] args, IConfiguration configuration, string configRoot, TextWriter output, TextWriter error)
    {
        var parsed = CommandArguments.Parse(args, new[] { "--out", "--cases" }, Array.Empty<string>(), positional: false);
        if (parsed.Stop(Usage, output, error) is { } exit)
        {
            return exit;
        }

        var options = StoryBotOptions.From(configuration, configRoot);
        var target = FullPath(parsed.Value("--out")) ?? options.ModelPath;
        var stories = TrainingPool(configRoot, options);
        if (stories.Count == 0)
        {
            error.WriteLine($"error: no training sets under {Path.Combine(configRoot, "eval", "train")}.");
            return 1;
        }

        output.WriteLine($"Training on {stories.Sum(s => s.Cases.Count)} cases about {stories.Select(s => s.Group).Distinct().Count()} stories ({string.Join(", ", stories.Select(s => s.Group).Distinct())}).");
        using var cases = FullPath(parsed.Value("--cases")) is { } casesPath ? new StreamWriter(casesPath) : null;
        var model = new ScorerTrainer(stories, output, cases).Train();
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        model.Save(target);
        output.WriteLine($"Wrote {target}.");
        return 0;
    }

    private static string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path);

    /// <summary>Every case file under eval/train plus the dev set, grouped by the story each is about (its folder).</summary>
    internal static List<TrainingStory> TrainingPool(string configRoot, StoryBotOptions options)
    {
        // A folder's set is questions.json; more case files beside it (definitions.json …) are about the same story and
        // teach the ranker only (TrainingCase.RankerOnly).
        var files = Directory.EnumerateDirectories(Path.Combine(configRoot, "eval", "train"))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json"))
            .Append(Path.Combine(configRoot, "eval", "dev", "questions.json"))
            .Where(File.Exists)
            .OrderBy(f => f, StringComparer.Ordinal);
        var byStory = new Dictionary<string, (KnowledgeOptions Options, List<TrainingCase> Cases)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var set = EvalSet.Load(file);
            var storyPath = set.StoryPath ?? options.StoryPath;
            var group = set.StoryPath is null ? Path.GetFileNameWithoutExtension(options.StoryPath) : Path.GetFileName(Path.GetDirectoryName(set.StoryPath)!);
            if (!byStory.TryGetValue(group, out var entry))
            {
                var knowledge = (options with
                {
                    StoryPath = storyPath,
                    Title = set.StoryPath is null ? options.Title : string.Empty,
                    Source = set.StoryPath is null ? options.Source : string.Empty,
                    IndexPath = Path.Combine(Path.GetTempPath(), "storybot-train-index", group),
                }).ToKnowledgeOptions();
                entry = (knowledge, new List<TrainingCase>());
                byStory[group] = entry;
            }

            entry.Cases.AddRange(set.Cases.Select(c => new TrainingCase(
                Path.GetFileName(Path.GetDirectoryName(file)!) + "/" + c.Id,
                c.Kind,
                c.Conversation(),
                c.Support ?? new List<string>(),
                c.Answers ?? new List<string>())
            {
                RankerOnly = !string.Equals(Path.GetFileName(file), "questions.json", StringComparison.Ordinal),
            }).Where(c => c.Turns.Count > 0));
        }

        return byStory.Select(kv => new TrainingStory(kv.Key, kv.Value.Options, kv.Value.Cases)).ToList();
    }
}
