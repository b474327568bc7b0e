using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StoryBot.Benchmarks;

// StoryBot benchmarks. docs/performance.md has the commands and the results.
//   (no verb) [BenchmarkDotNet args]   BenchmarkDotNet: --filter '*' runs Answer, Index and Scale benchmarks
//   answers [--reps 200] [--cached]    per-message answer time distribution over the dev set (median, p95, alloc);
//                                      --cached keeps the host's question-embedding cache (a repeated question), else every question is embedded
//   scale [--stories 1,10,100] [--reps 20]   answer time and index size by number of stories
//   startup --host <published StoryBot.dll> [--runs 10]   process start to first answer
//   replies [--stories N]             every dev message's reply (kind, confidence, cited sentence): diff it before/after a perf change
//   turns [--rounds 20] [--http]      the bot's whole turn in process (state, rendering, feedback too): allocated B, CPU and wall µs per turn;
//                                      --http: as POST /api/messages (validation, reading the activity, writing the replies) without Kestrel
//   turn-replies                       every dev message's whole turn (reply activities as sent, stored state): diff it before/after a host change
//   --smoke                            everything once, in seconds, no timing claims (CI)
var verb = args.Length > 0 ? args[0] : string.Empty;
int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string? Text(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

switch (verb)
{
    case "answers":
        return Harness.RunAnswers(Option("--reps", 200), cached: args.Contains("--cached"));
    case "scale":
        var counts = (Text("--stories") ?? "1,10,100").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return Harness.RunScale(counts, Option("--reps", 20));
    case "startup":
        var host = Text("--host") ?? Path.Combine(BenchSetup.RepoRoot, "artifacts", "publish", "StoryBot", "StoryBot.dll");
        return Harness.RunStartup(host, Option("--runs", 10));
    case "replies":
        return Harness.RunReplies(Text("--stories") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1);
    case "turns":
        return await TurnHarness.RunAsync(Option("--rounds", 20), http: args.Contains("--http"));
    case "turn-replies":
        return await TurnReplies.RunAsync();
    case "--smoke":
        return Smoke(Text("--host"));
    default:
        BenchmarkSwitcher.FromAssembly(typeof(AnswerBenchmarks).Assembly).Run(args);
        return 0;
}

// Proves every benchmark still runs: BenchmarkDotNet's Dry job in process (no child builds), then each
// harness with the smallest sizes. Prints numbers but asserts nothing about them.
static int Smoke(string? host)
{
    var config = ManualConfig.CreateMinimumViable()
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOption(ConfigOptions.DisableLogFile, true)
        .WithOption(ConfigOptions.DisableOptimizationsValidator, true) // CI builds Debug: smoke proves it runs, not how fast
        .WithArtifactsPath(BenchSetup.TempFolder("bdn-smoke"));
    var summaries = BenchmarkRunner.Run(new[]
    {
        BenchmarkConverter.TypeToBenchmarks(typeof(AnswerBenchmarks), config),
        BenchmarkConverter.TypeToBenchmarks(typeof(IndexBenchmarks), config),
    });
    var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
    Harness.WarmupSeconds = 0;
    var status = Harness.RunAnswers(reps: 1);
    status |= Harness.RunScale(new[] { 1, 3 }, reps: 1);
    if (host is not null)
    {
        status |= Harness.RunStartup(host, runs: 1);
    }

    if (failed.Count > 0)
    {
        Console.Error.WriteLine("smoke: benchmarks failed: " + string.Join(", ", failed));
        return 1;
    }

    Console.WriteLine(status == 0 ? "smoke: ok" : "smoke: a harness failed");
    return status;
}
