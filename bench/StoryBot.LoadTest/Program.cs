using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

// StoryBot load test: per round starts StoryBot, the reference echo bot and (optionally) the echo bot on
// StoryBot's own host, each as its own process, drives POST /api/messages with deliveryMode expectReplies
// from N concurrent conversations for T seconds, and reports turns/s, latency percentiles, errors, peak
// RSS and server CPU per turn; alternates the order for R rounds and prints the median ratio StoryBot /
// echo. The reference ("echo") is the samples' EchoBot on a stock CloudAdapter (bench/StockEchoBot), so
// nothing done to StoryBot's adapter lifts it too; "host-echo" is Bot:Kind=echo on StoryBot's host, for
// profiling the host alone. See docs/performance.md.
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var questions = QuestionSet.Load(options.QuestionsPath, options.Mix);
Console.WriteLine($"# StoryBot load test: {options.Connections} conversations, {options.Duration}s measured after {options.Warmup}s warm-up (the first {options.Cold}s reported as cold), {options.Rounds} round(s), {options.Mix} mix of {questions.Count} distinct messages");
Console.WriteLine($"host: {options.HostPath}");
Console.WriteLine($"reference echo bot: {options.EchoHostPath}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {Machine.LoadAverage()}");
Console.WriteLine();

var results = new List<RunResult>();
var timelines = new List<(string Kind, int Round, Timeline Timeline)>();
var kinds = options.Kinds;
for (var round = 1; round <= options.Rounds; round++)
{
    // Alternate which bot goes first, so drift in machine load hits both equally.
    var order = round % 2 == 1 ? kinds : kinds.Reverse().ToArray();
    foreach (var kind in order)
    {
        var (result, timeline) = await Runner.RunAsync(options, kind, round, questions);
        results.Add(result);
        Console.WriteLine(result.Row());
        timelines.Add((kind, round, timeline));
    }
}

Console.WriteLine();
Report.Print(results, options);
if (options.PrintTimeline)
{
    Console.WriteLine();
    Console.WriteLine("| bot | round | seconds since the load started | turns/s in that second | server CPU µs/turn in that second |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (kind, round, timeline) in timelines)
    {
        foreach (var row in timeline.Rows(kind, round))
        {
            Console.WriteLine(row);
        }
    }
}

return results.Any(r => r.Failed) ? 1 : 0;

sealed record LoadOptions(string HostPath, string EchoHostPath, string Root, string QuestionsPath, string Mix, int Connections, int Duration, int Warmup, int Cold, bool PrintTimeline, int Rounds, string[] Kinds, string[] HostArgs, string? Redis = null)
{
    public const string Usage = """
        usage: StoryBot.LoadTest --host <published StoryBot.dll> [--echo-host <published StockEchoBot.dll>] [--root <repo root>]
               [--questions <questions.json>] [--mix repeated|distinct] [--connections 32] [--duration 10] [--warmup 40]
               [--cold 10] [--timeline] [--rounds 3] [--kinds story,echo,host-echo,story-redis] [--redis <host:port>] [-- extra StoryBot host args]
        kinds: story = StoryBot; echo = the samples' EchoBot on a stock CloudAdapter (the reference);
               host-echo = Bot:Kind=echo on StoryBot's host; story-redis = StoryBot with Storage:Kind=redis on --redis
               (a fresh key prefix per start; with --redis and no --kinds it is added to the default kinds). mix: repeated = the dev set's messages;
               distinct = every question of the dev and training sets in three phrasings (600+ distinct; 1,500+ with eval/train), the host's question-embedding cache off.
        warm-up: each round starts fresh processes, and the JIT keeps tiering methods up under load for ~35 s, so the
               measured seconds follow --warmup seconds of load (steady state, the service's usual speed); the first
               --cold seconds of that warm-up are reported too (a restarted service's speed). --timeline prints
               turns/s and CPU per turn for every second of every round (docs/performance.md: the curve).
        """;

    public static LoadOptions? Parse(string[] args)
    {
        string? host = null, echoHost = null, root = null, questions = null, redis = null;
        string[]? chosenKinds = null;
        var mix = "repeated";
        int connections = 32, duration = 10, warmup = 40, cold = 10, rounds = 3;
        var timeline = false;
        var kinds = new[] { "story", "echo", "host-echo" };
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--host": host = Next(); break;
                case "--echo-host": echoHost = Next(); break;
                case "--mix": mix = Next(); break;
                case "--root": root = Next(); break;
                case "--questions": questions = Next(); break;
                case "--connections" or "-c": connections = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--duration" or "-d": duration = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cold": cold = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--timeline": timeline = true; break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--kinds": chosenKinds = Next().Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--redis": redis = Next(); break;
                case "--": hostArgs.AddRange(args[(i + 1)..]); i = args.Length; break;
                case "-h" or "--help": return null;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return null;
            }
        }

        kinds = chosenKinds ?? (redis is null ? kinds : [.. kinds, "story-redis"]);
        root ??= FindRoot(Directory.GetCurrentDirectory());
        if (root is null)
        {
            Console.Error.WriteLine("cannot find the repo root (a folder with Bot.sln); pass --root");
            return null;
        }

        host ??= Path.Combine(root, "artifacts", "publish", "StoryBot", "StoryBot.dll");
        if (!File.Exists(host))
        {
            Console.Error.WriteLine($"no host at {host}: run `dotnet publish src/StoryBot -c Release -o artifacts/publish/StoryBot` or pass --host");
            return null;
        }

        echoHost ??= Path.Combine(root, "artifacts", "publish", "StockEchoBot", "StockEchoBot.dll");
        if (kinds.Contains("echo") && !File.Exists(echoHost))
        {
            Console.Error.WriteLine($"no reference echo bot at {echoHost}: run `dotnet publish bench/StockEchoBot -c Release -o artifacts/publish/StockEchoBot` or pass --echo-host");
            return null;
        }

        if (mix is not ("repeated" or "distinct") || kinds.Any(k => k is not ("story" or "echo" or "host-echo" or "story-redis")) || (kinds.Contains("story-redis") && redis is null))
        {
            Console.Error.WriteLine("--mix is repeated or distinct; --kinds lists story, echo, host-echo, story-redis (which needs --redis host:port)");
            return null;
        }

        // The dev set kept in the repo (eval/dev), else the shared copy beside the clone.
        questions ??= File.Exists(Path.Combine(root, "eval", "dev", "questions.json"))
            ? Path.Combine(root, "eval", "dev", "questions.json")
            : Path.GetFullPath(Path.Combine(root, "..", "shared", "eval", "questions.json"));
        return new LoadOptions(Path.GetFullPath(host), Path.GetFullPath(echoHost), root, questions, mix, connections, duration, warmup, Math.Min(cold, warmup), timeline, rounds, kinds, hostArgs.ToArray(), redis);
    }

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

static class QuestionSet
{
    // Ways of asking the same question: the distinct mix's text never repeats a phrasing, so a cache keyed
    // by the message cannot serve it.
    private static readonly string[] Phrasings = ["{0}", "Quick question: {0}", "Tell me, {0}"];

    /// <summary>
    /// repeated: every message of the dev set (questions and follow-up turns), or a few fixed ones when the
    /// file is absent. distinct: every message of the dev set and of the training sets beside it, each in
    /// three phrasings, without duplicates (615 from ../shared/eval, over 1,500 from eval/train), asked in a cycle; the warm
    /// service comes round the cycle within its warm-up, so StoryBot runs this mix with its question-embedding cache off.
    /// </summary>
    public static IReadOnlyList<string> Load(string path, string mix)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"note: {path} not found, using built-in questions");
            return new[] { "who did Trump fire?", "when did Trump meet Lavrov?", "where was the meeting?", "hello", "what did Comey investigate?" };
        }

        if (mix == "distinct")
        {
            var all = Messages(path).Concat(TrainingSets(path).SelectMany(Messages)).Distinct(StringComparer.OrdinalIgnoreCase);
            var distinct = all.SelectMany(q => Phrasings.Select(p => string.Format(CultureInfo.InvariantCulture, p, q))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return distinct;
        }

        return Messages(path);
    }

    /// <summary>The training sets beside the dev set: eval/train/*/questions.json in the repo, or the shared train-questions.json.</summary>
    private static IEnumerable<string> TrainingSets(string devPath)
    {
        var trainFolder = Path.Combine(Path.GetDirectoryName(devPath)!, "..", "train");
        if (Directory.Exists(trainFolder))
        {
            return Directory.GetDirectories(trainFolder).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "questions.json")).Where(File.Exists);
        }

        var shared = Path.Combine(Path.GetDirectoryName(devPath)!, "train-questions.json");
        return File.Exists(shared) ? [shared] : [];
    }

    private static List<string> Messages(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var list = new List<string>();
        foreach (var c in root["cases"]!.AsArray())
        {
            if (c!["question"] is JsonNode q)
            {
                list.Add(q.GetValue<string>());
            }

            if (c["turns"] is JsonArray turns)
            {
                list.AddRange(turns.Select(t => t!.GetValue<string>()));
            }
        }

        return list;
    }
}

/// <summary>
/// One bot's round: the measured (steady) seconds' figures, and the cold phase's (the first seconds of load after
/// the process answered /healthz: turns/s, p99 and CPU per turn).
/// </summary>
sealed record RunResult(string Kind, int Round, int Turns, int Errors, double Seconds, double P50, double P95, double P99, double Max, long PeakRssKb, double CpuMsPerTurn, string? FirstError,
    double ColdTurnsPerSecond = double.NaN, double ColdP99 = double.NaN, double ColdCpuMicrosPerTurn = double.NaN, double LateWarmupCpuMicrosPerTurn = double.NaN)
{
    public double TurnsPerSecond => Turns / Seconds;

    public bool Failed => Turns == 0;

    public static string Header =>
        "| bot | round | turns/s | p50 ms | p95 ms | p99 ms | max ms | errors | peak RSS MB | server CPU µs/turn | cold turns/s | cold p99 ms | cold CPU µs/turn |\n" +
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Kind} | {Round} | {TurnsPerSecond:0} | {P50:0.00} | {P95:0.00} | {P99:0.00} | {Max:0.0} | {Errors} | {PeakRssKb / 1024.0:0} | {CpuMsPerTurn * 1000:0} | {ColdTurnsPerSecond:0} | {ColdP99:0.00} | {ColdCpuMicrosPerTurn:0} |") +
        (FirstError is null ? string.Empty : $" first error: {FirstError}");
}

static class Runner
{
    public static async Task<(RunResult Result, Timeline Timeline)> RunAsync(LoadOptions options, string kind, int round, IReadOnlyList<string> questions)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var host = StartHost(options, kind, baseUrl);
        try
        {
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Connections,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
            };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            await WaitReadyAsync(client, host, TimeSpan.FromSeconds(60));

            // One body per (conversation, message): built once, so the client costs little per request.
            // Each conversation starts at another place in the list, so they do not ask the same message together.
            var bodies = Enumerable.Range(0, options.Connections)
                .Select(c => questions.Select((_, i) => questions[(i + (c * questions.Count / options.Connections)) % questions.Count])
                    .Select((q, i) => Body($"load-{kind}-{round}-{c}", $"user-{c}", q, i)).ToArray())
                .ToArray();

            // The warm-up's first seconds are the cold phase: their latencies are kept, and the timeline gives
            // their turns/s and CPU.
            var timeline = new Timeline(host.Id);
            using var stopSampling = new CancellationTokenSource();
            var sampling = timeline.RunAsync(stopSampling.Token);
            var stopWarmup = DateTime.UtcNow.AddSeconds(options.Warmup);
            var cold = await Drive(client, bodies, stopWarmup, Stopwatch.GetTimestamp() + (long)(options.Cold * Stopwatch.Frequency), timeline);

            var cpuBefore = HostCpu.Of(host.Id);
            var started = Stopwatch.GetTimestamp();
            var outcome = await Drive(client, bodies, DateTime.UtcNow.AddSeconds(options.Duration), long.MaxValue, timeline);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpu = HostCpu.Of(host.Id) - cpuBefore;
            var peak = PeakRssKb(host.Id);
            await stopSampling.CancelAsync();
            await sampling;
            var (coldTurnsPerSecond, coldCpu) = timeline.Until(options.Cold);
            var (_, lateWarmupCpu) = timeline.Between(options.Warmup - 5, options.Warmup);
            cold.Latencies.Sort();

            var latencies = outcome.Latencies;
            latencies.Sort();
            double Pct(double p) => Percentile(latencies, p);
            var turns = outcome.Ok;
            var result = new RunResult(kind, round, turns, outcome.Errors + cold.Errors, seconds, Pct(0.50), Pct(0.95), Pct(0.99), Pct(1.0), peak, turns > 0 ? cpu.TotalMilliseconds / turns : double.NaN, outcome.FirstError ?? cold.FirstError,
                coldTurnsPerSecond, Percentile(cold.Latencies, 0.99), coldCpu, lateWarmupCpu);
            return (result, timeline);
        }
        finally
        {
            Stop(host);
        }
    }

    private static double Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)] * 1000.0 / Stopwatch.Frequency;

    private sealed class Outcome
    {
        public List<long> Latencies { get; } = new();
        public int Ok;
        public int Errors;
        public string? FirstError;
    }

    /// <summary>
    /// Every conversation posts its messages one after another until <paramref name="until"/>; the latencies of the
    /// turns started before <paramref name="recordBefore"/> (a Stopwatch timestamp) are kept.
    /// </summary>
    private static async Task<Outcome> Drive(HttpClient client, byte[][][] bodies, DateTime until, long recordBefore, Timeline timeline)
    {
        var outcome = new Outcome();
        var workers = bodies.Select((conversation, c) => Task.Run(async () =>
        {
            var mine = new List<long>(4_096);
            int ok = 0, errors = 0;
            string? firstError = null;
            var validated = false;
            for (var i = 0; DateTime.UtcNow < until; i++)
            {
                var body = conversation[i % conversation.Length];
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = JsonType;
                    using var response = await client.PostAsync("/api/messages", content);
                    var bytes = await response.Content.ReadAsByteArrayAsync();
                    var elapsed = Stopwatch.GetTimestamp() - t0;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors++;
                        firstError ??= $"{(int)response.StatusCode} {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(200, bytes.Length)))}";
                        continue;
                    }

                    if (!validated)
                    {
                        // A 200 without replies would measure nothing: check the first one per conversation.
                        using var doc = JsonDocument.Parse(bytes);
                        if (!doc.RootElement.TryGetProperty("activities", out var acts) || acts.GetArrayLength() == 0)
                        {
                            errors++;
                            firstError ??= "200 without activities";
                            continue;
                        }

                        validated = true;
                    }

                    ok++;
                    timeline.Completed();
                    if (t0 < recordBefore)
                    {
                        mine.Add(elapsed);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    errors++;
                    firstError ??= ex.GetType().Name + ": " + ex.Message;
                }
            }

            lock (outcome)
            {
                outcome.Latencies.AddRange(mine);
                outcome.Ok += ok;
                outcome.Errors += errors;
                outcome.FirstError ??= firstError;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return outcome;
    }

    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    private static byte[] Body(string conversationId, string userId, string text, int index) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
    {
        ["type"] = "message",
        ["id"] = $"{conversationId}-{index}",
        ["timestamp"] = "2026-11-25T12:00:00.000Z",
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://localhost:9/",
        ["from"] = new Dictionary<string, string> { ["id"] = userId, ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new Dictionary<string, string> { ["id"] = "storybot", ["name"] = "StoryBot", ["role"] = "bot" },
        ["conversation"] = new Dictionary<string, string> { ["id"] = conversationId },
        ["locale"] = "en-US",
        ["deliveryMode"] = "expectReplies",
        ["text"] = text,
    });

    private static Process StartHost(LoadOptions options, string kind, string url)
    {
        var reference = kind == "echo";
        var psi = new ProcessStartInfo("dotnet")
        {
            // The reference echo bot reads its own appsettings.json (its content root is its folder).
            WorkingDirectory = reference ? Path.GetDirectoryName(options.EchoHostPath)! : options.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(reference ? options.EchoHostPath : options.HostPath);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        if (!reference)
        {
            psi.ArgumentList.Add("--Bot:Kind=" + (kind == "host-echo" ? "echo" : "story"));
            if (kind == "story-redis")
            {
                psi.ArgumentList.Add("--Storage:Kind=redis");
                psi.ArgumentList.Add("--Storage:Redis:Configuration=" + options.Redis);
                psi.ArgumentList.Add("--Storage:Redis:KeyPrefix=loadtest-" + Guid.NewGuid().ToString("N")[..8] + ":");
            }

            if (options.Mix == "distinct")
            {
                // No cache may help the distinct mix: with the warm-up the cycle of questions comes round again, and a
                // cached embedding would make a repeat cheap. Extra host args after "--" may still set it.
                psi.ArgumentList.Add("--Answer:QueryCacheSize=0");
            }

            foreach (var extra in options.HostArgs)
            {
                psi.ArgumentList.Add(extra);
            }
        }

        psi.Environment["STORYBOT_ROOT"] = options.Root;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Benchmark";
        psi.Environment["RateLimiting__Enabled"] = "false"; // the benchmark profile: a 429 would count as an error
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the host");
        // Drain the host's console so its logging never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[{kind}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient client, Process host, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {host.ExitCode}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the host did not answer /healthz");
    }

    private static void Stop(Process host)
    {
        try
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                host.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>VmHWM: the process's peak resident set size, in kB.</summary>
    private static long PeakRssKb(int pid) => Machine.StatusField(pid, "VmHWM");
}

static class Machine
{
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static long StatusField(int pid, string name)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}

static class Report
{
    public static void Print(List<RunResult> results, LoadOptions options)
    {
        Console.WriteLine(RunResult.Header);
        foreach (var r in results.OrderBy(r => r.Kind).ThenBy(r => r.Round))
        {
            Console.WriteLine(r.Row());
        }

        Console.WriteLine();
        Console.WriteLine($"| bot | median turns/s | median p50 ms | median p99 ms | max peak RSS MB | median CPU µs/turn | errors | cold (first {options.Cold} s): median turns/s | p99 ms | CPU µs/turn |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Kind))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {Median(group.Select(r => r.TurnsPerSecond)):0} | {Median(group.Select(r => r.P50)):0.00} | {Median(group.Select(r => r.P99)):0.00} | {group.Max(r => r.PeakRssKb) / 1024.0:0} | {Median(group.Select(r => r.CpuMsPerTurn * 1000)):0} | {group.Sum(r => r.Errors)} | {Median(group.Select(r => r.ColdTurnsPerSecond)):0} | {Median(group.Select(r => r.ColdP99)):0.00} | {Median(group.Select(r => r.ColdCpuMicrosPerTurn)):0} |"));
        }

        Console.WriteLine();
        foreach (var group in results.GroupBy(r => r.Kind))
        {
            // A warm-up that ended while the JIT was still promoting methods shows as a last stretch dearer than the measured seconds.
            var late = Median(group.Select(r => r.LateWarmupCpuMicrosPerTurn / (r.CpuMsPerTurn * 1000)));
            if (!double.IsNaN(late))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warm-up check, {group.Key}: CPU per turn in the warm-up's last 5 s was {late:0.00} x the measured seconds' (median){(late > 1.1 ? "; still warming: raise --warmup" : string.Empty)}"));
            }
        }

        Console.WriteLine();
        foreach (var (kind, reference, label, target, p99Target) in new[]
        {
            ("story", "echo", "StoryBot/echo (stock CloudAdapter, own process)", " (target >= 0.8)", string.Empty),
            ("story", "host-echo", "StoryBot/host-echo (echo on StoryBot's host)", string.Empty, string.Empty),
            ("story-redis", "story", "story-redis/story (Storage:Kind=redis against memory, same run)", " (target >= 0.6)", " (target <= 2)"),
        })
        {
            var measured = results.Where(r => r.Kind == kind).ToList();
            var baseline = results.Where(r => r.Kind == reference).ToList();
            if (measured.Count == 0 || baseline.Count == 0)
            {
                continue;
            }

            var ratios = measured.Join(baseline, s => s.Round, e => e.Round, (s, e) => s.TurnsPerSecond / e.TurnsPerSecond).ToList();
            var p99 = measured.Join(baseline, s => s.Round, e => e.Round, (s, e) => s.P99 / e.P99).ToList();
            var coldRatios = measured.Join(baseline, s => s.Round, e => e.Round, (s, e) => s.ColdTurnsPerSecond / e.ColdTurnsPerSecond).ToList();
            var coldP99 = measured.Join(baseline, s => s.Round, e => e.Round, (s, e) => s.ColdP99 / e.ColdP99).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"turns/s ratio {label} per round: {string.Join(", ", ratios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}; median {Median(ratios):0.000}{target}; p99 ratio median {Median(p99):0.00}{p99Target}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cold (first {options.Cold} s of load): turns/s ratio median {Median(coldRatios):0.000}; p99 ratio median {Median(coldP99):0.00}"));
        }
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
