using Newtonsoft.Json.Linq;
using StoryBot.Cli;
using Xunit;

namespace StoryBot.Tests.Cli;

/// <summary>
/// The README's promise: `dotnet run --project src/StoryBot -- ask "…"` from the repository answers the
/// example questions with the right sentence. Runs the same entry (CommandLine.RunAsync with the repo
/// root, so the root appsettings.json, the default story and the index/ folder are used) and reads stdout.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class CommandLineTests
{
    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await CommandLine.RunAsync(args, Repo.Root);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [Theory]
    [InlineData("who did Trump fire?", "Trump on Tuesday abruptly fired FBI Director James Comey")]
    [InlineData("when was Comey fired?", "Trump on Tuesday abruptly fired FBI Director James Comey")]
    [InlineData("how many cruise missiles did Trump fire?", "Trump fired nearly 60 cruise missiles at a Syrian air base")]
    [InlineData("who is Sergey Lavrov?", "Trump’s talks with Russian Minister of Foreign Affairs Sergey Lavrov")]
    [InlineData("what did Sally Yates warn about?", "former acting US attorney general Sally Yates said she bluntly warned")]
    public async Task Ask_ReadmeExample_QuotesTheRightSentence(string question, string expected)
    {
        var (code, output, error) = await RunAsync("ask", question);

        Assert.True(code == 0, $"exit {code}: {error}");
        var quote = output.Split('\n').FirstOrDefault(line => line.StartsWith("> ", StringComparison.Ordinal));
        Assert.True(quote is not null, $"no quoted sentence in:\n{output}");
        Assert.Contains(expected, quote.Replace("**", string.Empty));
        Assert.Contains("[1]", quote);
    }

    [Fact]
    public async Task AskJson_PrintsTheAnswerEntity()
    {
        var (code, output, error) = await RunAsync("ask", "who did Trump fire?", "--json");

        Assert.True(code == 0, $"exit {code}: {error}");
        var json = JObject.Parse(output[output.IndexOf("\n{", StringComparison.Ordinal)..]);
        Assert.Equal("answer", (string?)json["intent"]);
        Assert.Equal(8, (int)json["citations"]![0]!["sentence"]!);
        Assert.Equal(Repo.ComeySentence, (string?)json["citations"]![0]!["text"]);
    }

    [Fact]
    public async Task Ask_WithoutAQuestion_PrintsUsage_AndFails()
    {
        var (code, output, error) = await RunAsync("ask");

        Assert.Equal(2, code);
        Assert.Contains("usage: ask", error);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task AskExplain_PrintsEachFeatureWithItsContribution()
    {
        var (code, output, error) = await RunAsync("ask", "when was Comey sacked?", "--explain");

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("#8 rank score=", output);
        Assert.Matches(@"rank: +coverage=[0-9.]+ \([+-][0-9.]+\)", output);
        Assert.Contains("confidence: bias", output);
        Assert.Contains("typeMatch=1", output);
    }

    [Fact]
    public async Task Eval_WithoutAPath_UsesTheRepoDevSet_AndPrintsTheBm25Yardstick()
    {
        var (code, output, error) = await RunAsync("eval");

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains(Path.Combine("eval", "dev", "questions.json"), output);
        Assert.Contains("Plain BM25 top-1 (k1 1.2, b 0.75", output);
    }

    [Theory]
    [InlineData("train", "--help")]
    [InlineData("train", "--outt", "model.json")]
    public async Task Train_WithHelpOrAMisspeltOption_LeavesTheCommittedModelAlone(params string[] args)
    {
        var model = Path.Combine(Repo.Root, "src", "StoryBot.Knowledge", "Answering", "Data", "answer-model.json");
        var before = File.GetLastWriteTimeUtc(model);

        var (code, output, error) = await RunAsync(args);

        Assert.Contains("usage: train [--out PATH] [--cases PATH]", output + error);
        Assert.Equal(args[1] == "--help" ? 0 : 2, code);
        Assert.DoesNotContain("Training on", output);
        Assert.Equal(before, File.GetLastWriteTimeUtc(model));
    }

    [Fact]
    public async Task Eval_WithAMisspeltFlag_SaysWhich_AndRunsNothing()
    {
        var (code, output, error) = await RunAsync("eval", "--abalation");

        Assert.Equal(2, code);
        Assert.Equal("error: unexpected argument '--abalation'. usage: eval [questions.json] [--ablation] [--confidences]", error.Trim());
        Assert.Equal(string.Empty, output);
    }
}
