using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StoryBot.Evaluation;
using StoryBot.Hosting;

namespace StoryBot.Benchmarks;

/// <summary>
/// The bot's whole turn in process, as the host runs it minus HTTP: the in-process turn runner (adapter, middleware,
/// conversation state, understanding and answering, rendering, feedback) over the dev messages, asked in turn across
/// <see cref="Conversations"/> conversations like the load test, again and again. Reports what a turn allocates
/// (independent of the machine's load) and its wall and CPU time (not), so host changes can be measured without
/// the HTTP load test's noise. Warm-up rounds first, so every conversation keeps its full set of rated answers.
/// </summary>
public static class TurnHarness
{
    /// <summary>As many conversations as the load test's default connections.</summary>
    public const int Conversations = 32;

    /// <summary>Untimed rounds: JIT, the question-embedding cache, and each conversation's kept answers filled.</summary>
    private const int WarmupRounds = 10;

    /// <param name="http">Each turn as <c>POST /api/messages</c> (<see cref="HttpTurn"/>): request validation, reading the activity and writing the replies too.</param>
    public static async Task<int> RunAsync(int rounds, bool http = false)
    {
        var messages = DevMessages.Load();
        var index = BenchSetup.TempFolder("turns-index");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(BenchSetup.RepoRoot, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Story:IndexPath"] = index,
                ["Answer:Features:Semantic"] = BenchSetup.Semantic ? "true" : "false",
            })
            .Build();
        await using var services = EvalService.BuildServices(configuration, BenchSetup.RepoRoot);
        var client = services.GetRequiredService<InProcessTurnClient>();
        var post = http ? new HttpTurn(services) : null;
        var sent = 0;
        async Task RoundAsync()
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var conversation = "c" + (i % Conversations).ToString(CultureInfo.InvariantCulture);
                if (post is null)
                {
                    await client.AskAsync(conversation, messages[i].Text);
                }
                else if (await post.PostAsync(conversation, messages[i].Text, sent++) is { Status: not 200 } failed)
                {
                    throw new InvalidOperationException($"POST /api/messages answered {failed.Status}");
                }
            }
        }

        for (var w = 0; w < WarmupRounds; w++)
        {
            await RoundAsync();
        }

        var perTurnUs = new List<double>(rounds);
        long allocated = 0;
        var gen0 = GC.CollectionCount(0);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < rounds; r++)
        {
            var a0 = GC.GetTotalAllocatedBytes(precise: true);
            var t0 = Stopwatch.GetTimestamp();
            await RoundAsync();
            perTurnUs.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds / messages.Count);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - a0;
        }

        var turns = rounds * messages.Count;
        var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMicroseconds / turns;
        perTurnUs.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"## Whole turns in process{(http ? " as POST /api/messages" : string.Empty)} ({(BenchSetup.Semantic ? "semantic" : "lexical-only")}): {turns} turns, {messages.Count} messages over {Conversations} conversations × {rounds} rounds"));
        Console.WriteLine();
        Console.WriteLine("| allocated B/turn | CPU µs/turn | wall µs/turn, median round | wall µs/turn, fastest round | gen0 collections |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {allocated / (double)turns:0} | {cpuUs:0} | {perTurnUs[perTurnUs.Count / 2]:0} | {perTurnUs[0]:0} | {GC.CollectionCount(0) - gen0} |"));
        return 0;
    }
}
