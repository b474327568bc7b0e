using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using StoryBot.Cli;
using StoryBot.Evaluation;
using StoryBot.Feedback;
using Xunit;

namespace StoryBot.Tests.Feedback;

/// <summary>
/// The <c>feedback</c> command on a JSON Lines file of ratings: the report, and <c>--export</c> files that
/// <c>eval</c> refuses until a person sets kind and support, and then runs.
/// </summary>
public sealed class FeedbackCommandTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task With_the_memory_store_it_says_where_ratings_live_and_reads_the_file()
    {
        var (code, output, _) = await RunAsync(Settings(withFile: false));

        Assert.Equal(0, code);
        Assert.Contains("a running bot keeps its ratings in its own process", output);
        Assert.Contains("Feedback:Path", output);
        Assert.Contains("Storage:Kind=redis", output);
        Assert.Contains("0 rating(s)", output);
    }

    [Fact]
    public async Task The_report_counts_rates_by_intent_and_story_and_lists_the_most_disliked_question_first()
    {
        await WriteRatingsAsync();

        var (code, output, _) = await RunAsync(Settings());

        Assert.Equal(0, code);
        Assert.Contains("3 rating(s), 1 like and 2 dislike; 1 near-tie(s)", output);
        Assert.Matches(@"answer\s+1 of 2 \(50 %\)", output);
        Assert.Matches(@"noAnswer\s+1 of 1 \(100 %\)", output);
        Assert.Matches(@"ap-2017-05-trump-lavrov\s+2 of 3 \(67 %\)", output);
        var disliked = output.IndexOf("dislike ×1, like ×1: \"who did Trump fire?\"", StringComparison.Ordinal);
        var declined = output.IndexOf("dislike ×1: \"what is the population of Brazil?\"", StringComparison.Ordinal);
        Assert.True(disliked > 0 && declined > 0, output);
        Assert.Contains("cited: nothing (noAnswer)", output);
        Assert.Contains("runner-up: ap-2017-05-trump-lavrov paragraph 9, sentence 9", output);
    }

    [Fact]
    public async Task An_export_runs_in_eval_once_kind_and_support_are_set()
    {
        await WriteRatingsAsync();
        var export = Path.Combine(_folder.Path, "export");

        var (code, output, _) = await RunAsync(Settings(), "--export", export);

        Assert.Equal(0, code);
        var file = Path.Combine(export, "ap-2017-05-trump-lavrov", "questions.json");
        Assert.Contains(file, output);
        Assert.True(File.Exists(Path.Combine(export, "ap-2017-05-trump-lavrov", "story.txt")));
        var set = JsonNode.Parse(File.ReadAllText(file))!;
        var cases = set["cases"]!.AsArray();
        Assert.Equal(3, cases.Count); // two rated questions and the near-tie
        var fired = cases.Single(c => (string?)c!["question"] == "who did Trump fire?")!;
        Assert.Equal(("", 0), ((string?)fired["kind"], fired["support"]!.AsArray().Count));
        Assert.Equal(Repo.ComeySentence, (string?)fired["cited"]);
        Assert.Equal(1, (int?)fired["reactions"]!["dislike"]);

        var refused = Assert.Throws<InvalidDataException>(() => EvalSet.Load(file));
        Assert.Contains("set kind", refused.Message);

        foreach (var c in cases)
        {
            var question = (string)c!["question"]!;
            c["kind"] = question == "what is the population of Brazil?" ? "unanswerable" : "answerable";
            if (question != "what is the population of Brazil?")
            {
                c["support"] = new JsonArray(question == "who did Trump fire?" ? "abruptly fired FBI Director James Comey" : "he fired then-US national security adviser Michael Flynn");
            }
        }

        File.WriteAllText(file, set.ToJsonString());
        var report = await EvalService.RunAsync(EvalSet.Load(file), Lexical(), Repo.Root);
        Assert.Equal(3, report.Results.Count);
        Assert.True(report.Results.Single(r => r.Case.Question == "who did Trump fire?").Passed);
        Assert.True(report.Results.Single(r => r.Case.Question == "what is the population of Brazil?").Passed);
    }

    [Theory]
    [InlineData("--export")]
    [InlineData("--json")]
    public async Task A_bad_argument_exits_2_with_one_line(string argument)
    {
        var (code, _, error) = await RunAsync(Settings(), argument);

        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_bad_setting_exits_2_naming_the_key()
    {
        var (code, _, error) = await RunAsync(new Dictionary<string, string?> { ["Feedback:RetentionDays"] = "0" });

        Assert.Equal(2, code);
        Assert.Contains("Feedback:RetentionDays", error);
    }

    private string LogPath => Path.Combine(_folder.Path, "feedback.jsonl");

    private Dictionary<string, string?> Settings(bool withFile = true) => new()
    {
        ["Story:Path"] = Repo.Story,
        ["Feedback:Path"] = withFile ? LogPath : null,
    };

    private static IConfiguration Lexical() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Answer:Features:Semantic"] = "false",
        ["Story:Title"] = Repo.StoryTitle,
    }).Build();

    private static async Task<(int Code, string Output, string Error)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var code = await FeedbackCommand.RunAsync(args, configuration, Repo.Root, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>What a bot would have appended: a dislike then a like of the Comey answer, a disliked decline, a near-tie.</summary>
    private async Task WriteRatingsAsync()
    {
        var file = new FeedbackJsonLinesFile(LogPath);
        var comey = new FeedbackCitation { Story = "ap-2017-05-trump-lavrov", Paragraph = 8, Sentence = 8, Text = Repo.ComeySentence, Span = "James Comey" };
        var flynn = new FeedbackCitation { Story = "ap-2017-05-trump-lavrov", Paragraph = 9, Sentence = 9, Text = Repo.FlynnSentence };
        var now = DateTimeOffset.UtcNow;
        await file.AppendAsync(FeedbackRecords.Rating("a1", "u1", "dislike", now.AddMinutes(-5), cited: [comey]) with { Comment = "wrong" });
        await file.AppendAsync(FeedbackRecords.Rating("a1", "u2", "like", now.AddMinutes(-4), cited: [comey]));
        await file.AppendAsync(FeedbackRecords.Rating("a2", "u1", "dislike", now.AddMinutes(-3), "what is the population of Brazil?", "noAnswer"));
        await file.AppendAsync(FeedbackRecords.Rating("a3", "u1", "nearTie", now.AddMinutes(-2), "who did trump fire before comey", cited: [flynn]) with { RunnerUp = flynn, RunnerUpConfidence = 0.61 });
        await file.AppendAsync(FeedbackRecords.Rating("a0", "u9", "dislike", now.AddDays(-91), "an old question", cited: [comey])); // past retention
    }
}
