using System.Text.Json.Nodes;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Benchmarks;

/// <summary>Where the repo, the story and the dev questions are, and how to load the knowledge core for a benchmark.</summary>
public static class BenchSetup
{
    /// <summary>The repo root: the nearest folder up with Bot.sln (from the working directory, then the binary).</summary>
    public static string RepoRoot { get; } = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Cannot find the repo root (a folder with Bot.sln).");

    /// <summary>
    /// The dev questions: STORYBOT_QUESTIONS, else the dev set kept in the repo (eval/dev), else the shared copy beside
    /// the clone — the load test's order, so a fresh clone or a copy of main elsewhere measures the same 81 messages.
    /// </summary>
    public static string QuestionsPath => Environment.GetEnvironmentVariable("STORYBOT_QUESTIONS") is { Length: > 0 } p
        ? p
        : File.Exists(Path.Combine(RepoRoot, "eval", "dev", "questions.json"))
            ? Path.Combine(RepoRoot, "eval", "dev", "questions.json")
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "eval", "questions.json"));

    /// <summary>
    /// Whether the semantic signal is on: the bot's own setting in its environment-variable form
    /// (<c>Answer__Features__Semantic</c>, default true), so one run can measure either path.
    /// </summary>
    public static bool Semantic => !string.Equals(Environment.GetEnvironmentVariable("Answer__Features__Semantic"), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured answer model (Answer:ModelPath in the root appsettings.json, else the default).</summary>
    public static string ModelPath()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "appsettings.json")))!;
        return Path.GetFullPath(Path.Combine(RepoRoot, settings["Answer"]?["ModelPath"]?.GetValue<string>() ?? StoryBot.Knowledge.KnowledgeOptions.DefaultModelPath));
    }

    /// <summary>The configured story (Story:Path, Title, Source in the root appsettings.json).</summary>
    public static (string Path, string? Title, string? Source) Story()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "appsettings.json")))!;
        var story = settings["Story"];
        var path = story?["Path"]?.GetValue<string>() ?? "stories";
        return (Path.GetFullPath(Path.Combine(RepoRoot, path)), story?["Title"]?.GetValue<string>(), story?["Source"]?.GetValue<string>());
    }

    /// <summary>
    /// Loads the knowledge core over <paramref name="storyPath"/> (default: the configured story) with an index in a fresh temp
    /// folder; <paramref name="queryCacheSize"/> 0 (the default) embeds every question anew, the cost a new question pays.
    /// </summary>
    public static StoryKnowledge Load(string? storyPath = null, string? indexPath = null, int queryCacheSize = 0)
    {
        var (path, title, source) = Story();
        return StoryKnowledge.Load(new KnowledgeOptions
        {
            StoryPath = storyPath ?? path,
            Title = storyPath is null ? title : null,
            Source = storyPath is null ? source : null,
            IndexPath = indexPath ?? TempFolder("index"),
            ModelPath = ModelPath(),
            Features = new KnowledgeFeatures { Semantic = Semantic },
            QueryCacheSize = queryCacheSize,
        });
    }

    /// <summary>The question analyser the knowledge core builds, for timing understanding alone.</summary>
    public static QuestionAnalyzer Analyzer(StoryKnowledge knowledge) =>
        new(knowledge.Model, SynonymTable.LoadDefault(new StoryAnalyzer(Lucene.Net.Analysis.Util.CharArraySet.Empty, stem: true)), KnowledgeFeatures.All);

    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "storybot-bench", $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..(name.Length + 20)]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static long FolderBytes(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>One message of the dev set; <see cref="NewConversation"/> marks the first turn of a case.</summary>
public readonly record struct DevMessage(string Id, string Text, bool NewConversation);

/// <summary>The dev set's messages in order: each question, and each follow-up case's turns in one conversation.</summary>
public static class DevMessages
{
    private static readonly string[] Fallback =
    {
        "who did Trump fire?", "when did Trump meet Lavrov?", "where was the meeting?", "what did Comey investigate?",
        "how many years of civil war in Syria?", "hello", "who replaced Comey?", "what is the weather in Paris?",
    };

    public static IReadOnlyList<DevMessage> Load()
    {
        var path = BenchSetup.QuestionsPath;
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"note: {path} not found, using {Fallback.Length} built-in questions");
            return Fallback.Select((q, i) => new DevMessage($"f{i}", q, true)).ToList();
        }

        var list = new List<DevMessage>();
        foreach (var c in JsonNode.Parse(File.ReadAllText(path))!["cases"]!.AsArray())
        {
            var id = c!["id"]!.GetValue<string>();
            if (c["turns"] is JsonArray turns)
            {
                list.AddRange(turns.Select((t, i) => new DevMessage(id, t!.GetValue<string>(), i == 0)));
            }
            else if (c["question"] is JsonNode q)
            {
                list.Add(new DevMessage(id, q.GetValue<string>(), true));
            }
        }

        return list;
    }

    /// <summary>Answers <paramref name="message"/>, starting a fresh memory when it opens a conversation.</summary>
    public static KnowledgeReply Respond(StoryKnowledge knowledge, DevMessage message, ref ConversationMemory memory)
    {
        if (message.NewConversation)
        {
            memory = new ConversationMemory();
        }

        return knowledge.Respond(message.Text, memory);
    }
}
