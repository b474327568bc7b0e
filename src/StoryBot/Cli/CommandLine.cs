using System.Text.Json;
using Microsoft.Bot.Schema;
using StoryBot.Evaluation;
using StoryBot.Hosting;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Ingest;
using StoryBot.Rendering;

namespace StoryBot.Cli;

/// <summary>
/// The host binary's commands besides serving: <c>ask "question" [--json]</c>, <c>reindex</c>,
/// <c>eval [questions.json] [--ablation]</c>, <c>train</c>, <c>feedback [--export DIR]</c> and <c>teams-package</c>. They build the same services as
/// the web host, so what they print is what a channel would get.
/// </summary>
public static class CommandLine
{
    public static readonly string[] Verbs = { "ask", "reindex", "eval", "train", "feedback", "teams-package", "help", "--help" };

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, string configRoot)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(configRoot)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        try
        {
            return args[0] switch
            {
                "ask" => await AskAsync(args[1..], configuration, configRoot),
                "reindex" => Reindex(configuration, configRoot),
                "eval" => await EvalAsync(args[1..], configuration, configRoot),
                "train" => TrainCommand.Run(args[1..], configuration, configRoot, Console.Out, Console.Error),
                "feedback" => await FeedbackCommand.RunAsync(args[1..], configuration, configRoot, Console.Out, Console.Error),
                "teams-package" => Teams.TeamsAppPackager.Run(args[1..], configuration, configRoot, Console.Out, Console.Error),
                _ => Usage(),
            };
        }
        catch (Exception ex) when (ex is StoryLoadException or FileNotFoundException or InvalidDataException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private static int Usage()
    {
        Console.WriteLine("""
            StoryBot — answers questions about a news story and cites its sentences.

              dotnet run --project src/StoryBot                      serve the bot on http://localhost:3978
              dotnet run --project src/StoryBot -- ask "who did Trump fire?" [--json]
              dotnet run --project src/StoryBot -- reindex           rebuild the Lucene index
              dotnet run --project src/StoryBot -- eval [questions.json] [--ablation] [--confidences]
              dotnet run --project src/StoryBot -- train [--out PATH] [--cases PATH]  fit the answer model (eval/train, eval/dev)
              dotnet run --project src/StoryBot -- feedback [--export DIR]  ratings and near-ties; --export writes eval sets
              dotnet run --project src/StoryBot -- teams-package [--app-id GUID] [--out PATH]
            """);
        return 0;
    }

    private static ServiceProvider Services(IConfiguration configuration, string configRoot) => EvalService.BuildServices(configuration, configRoot);

    private static async Task<int> AskAsync(string[] args, IConfiguration configuration, string configRoot)
    {
        var json = args.Contains("--json");
        var explain = args.Contains("--explain");
        var question = string.Join(' ', args.Where(a => a is not "--json" and not "--explain"));
        if (question.Length == 0)
        {
            Console.Error.WriteLine("usage: ask \"<question>\" [--json]");
            return 2;
        }

        await using var services = Services(configuration, configRoot);
        var turns = question.Split(" || ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (explain)
        {
            var knowledge = services.GetRequiredService<StoryKnowledge>();
            var memory = new StoryBot.Knowledge.Answering.ConversationMemory();
            foreach (var earlier in turns[..^1])
            {
                knowledge.Respond(earlier, memory);
            }

            Console.WriteLine(knowledge.Explain(turns[^1], memory));
        }

        var client = services.GetRequiredService<InProcessTurnClient>();
        var conversation = "cli-" + Guid.NewGuid().ToString("N");
        foreach (var turn in turns)
        {
            var replies = await client.AskAsync(conversation, turn);
            if (turns.Length > 1)
            {
                Console.WriteLine($"You: {turn}");
                Console.WriteLine();
            }

            foreach (var reply in replies.Where(r => r.Type == ActivityTypes.Message))
            {
                Console.WriteLine(reply.Text);
                if (reply.SuggestedActions?.Actions is { Count: > 0 } actions)
                {
                    Console.WriteLine();
                    Console.WriteLine("Suggestions: " + string.Join(" | ", actions.Select(a => a.Title)));
                }

                if (json && ReplyEntity.Read(reply) is { } entity)
                {
                    Console.WriteLine();
                    Console.WriteLine(entity.ToString(Newtonsoft.Json.Formatting.Indented));
                }

                Console.WriteLine();
            }
        }

        return 0;
    }

    private static int Reindex(IConfiguration configuration, string configRoot)
    {
        var options = StoryBotOptions.From(configuration, configRoot);
        using var knowledge = StoryKnowledge.Load(options.ToKnowledgeOptions(forceRebuild: true));
        var sentences = knowledge.Stories.Sum(s => s.Sentences.Count);
        Console.WriteLine($"Indexed {sentences} sentences of {knowledge.Stories.Count} stor{(knowledge.Stories.Count == 1 ? "y" : "ies")} into {options.IndexPath} ({knowledge.Index.OpenResult}).");
        return knowledge.Index.OpenResult == IndexOpenResult.InMemoryFallback ? 1 : 0;
    }

    private static async Task<int> EvalAsync(string[] args, IConfiguration configuration, string configRoot)
    {
        const string usage = "usage: eval [questions.json] [--ablation] [--confidences]";
        var parsed = CommandArguments.Parse(args, Array.Empty<string>(), new[] { "--ablation", "--confidences" }, positional: true);
        if (parsed.Stop(usage, Console.Out, Console.Error) is { } exit)
        {
            return exit;
        }

        var ablation = parsed.Has("--ablation");
        var path = parsed.Positional ?? Path.Combine(configRoot, "eval", "dev", "questions.json");
        var set = EvalSet.Load(Path.GetFullPath(path));
        var report = await EvaluateAsync(set, configuration, configRoot);
        Console.WriteLine($"Question set: {Path.GetFullPath(path)} ({set.Cases.Count} cases{(set.StoryPath is null ? string.Empty : ", story " + set.StoryPath)})");
        Console.WriteLine();
        Console.WriteLine(report.Format());
        Console.WriteLine(Baseline(set, configuration, configRoot, report));
        if (parsed.Has("--confidences"))
        {
            Console.WriteLine("Confidence of the top candidate per case (for choosing Answer:ConfidenceThreshold):");
            foreach (var r in report.Results.Where(r => r.Case.Kind is "answerable" or "unanswerable" or "followup").OrderBy(r => r.Confidence))
            {
                Console.WriteLine($"  {r.Confidence:0.000} {r.Case.Kind,-12} {(r.Passed ? "pass" : "FAIL")} {r.Case.Id} {r.Case.Question ?? string.Join(" → ", r.Case.Turns ?? new List<string>())}");
            }
        }

        if (ablation)
        {
            Console.WriteLine("Ablation (each technique switched off alone):");
            Console.WriteLine();
            Console.WriteLine("| configuration | answerable | hard | unanswerable declined | followup | smalltalk |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            Console.WriteLine(AblationRow("all techniques", report));
            var features = new[] { "Semantic", "Synonyms", "Lexicon", "Places", "Typos", "Aliases", "AnswerTypes", "Context", "FollowUps" };
            foreach (var feature in features)
            {
                Console.WriteLine(AblationRow($"without {feature}", await EvaluateAsync(set, Without(configuration, feature), configRoot)));
            }

            Console.WriteLine(AblationRow("none of them (lexical-only scorer over BM25 candidates and coverage)", await EvaluateAsync(set, Without(configuration, features), configRoot)));
        }

        return 0;
    }

    /// <summary>Plain BM25 top-1 on the same answerable questions, printed beside the bot's own rate.</summary>
    private static string Baseline(EvalSet set, IConfiguration configuration, string configRoot, EvalReport report)
    {
        var options = StoryBotOptions.From(set.Configure(configuration), configRoot);
        using var baseline = new StoryBot.Knowledge.Indexing.Bm25Baseline(StoryLibrary.Load(options.StoryPath, options.Title, options.Source));
        var answerable = set.Cases.Where(c => c.Kind == "answerable").ToList();
        double Rate(IEnumerable<EvalCase> cases) => cases.Any() ? cases.Count(c => baseline.Top(c.Question ?? string.Empty) is { } s && (c.Support ?? new List<string>()).Any(x => s.Text.Contains(x, StringComparison.Ordinal))) / (double)cases.Count() : double.NaN;
        return $"Plain BM25 top-1 (k1 1.2, b 0.75, EnglishAnalyzer, sentence text): answerable {Rate(answerable):P1}, hard {Rate(answerable.Where(c => c.Difficulty == "hard")):P1}; StoryBot {report.Rate("answerable"):P1}, hard {report.Rate("answerable", "hard"):P1}.";
    }

    private static Task<EvalReport> EvaluateAsync(EvalSet set, IConfiguration configuration, string configRoot) =>
        EvalService.RunAsync(set, configuration, configRoot);

    private static IConfiguration Without(IConfiguration configuration, params string[] features)
    {
        var settings = features.ToDictionary(f => $"Answer:Features:{f}", _ => (string?)"false");
        settings["Story:IndexPath"] = Path.Combine(Path.GetTempPath(), "storybot-ablation-index", string.Join("-", features));
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings).Build();
    }

    private static string AblationRow(string name, EvalReport r) =>
        $"| {name} | {r.Rate("answerable"):P1} | {r.Rate("answerable", "hard"):P1} | {r.Rate("unanswerable"):P1} | {r.Rate("followup"):P1} | {r.Rate("smalltalk"):P1} |";
}
