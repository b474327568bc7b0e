using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Answering;

namespace StoryBot.Benchmarks;

/// <summary>
/// Stopwatch measurements that BenchmarkDotNet does not give directly: the distribution of single-answer
/// times over the dev messages (median, p95 across messages and repetitions), answer time and index size
/// as the number of stories grows, and the published host's start-up to its first answer.
/// </summary>
public static class Harness
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Minimum warm-up time before timing (the smoke mode sets it to 0).</summary>
    public static double WarmupSeconds { get; set; } = 2;

    /// <summary>
    /// Gen0 collections, GC pause ms, wall ms and the process's CPU ms (every thread: ONNX Runtime's own threads work
    /// beside the caller's during an encode, so wall time alone understates what an uncached answer costs) of the last
    /// <see cref="Answers"/> run.
    /// </summary>
    public static (int Gen0, double PauseMs, double WallMs, double CpuMs) LastGc { get; private set; }

    public sealed record Distribution(int Count, double MeanUs, double MedianUs, double P95Us, double P99Us, double MaxUs, double AllocBytes);

    /// <summary>Times every dev message <paramref name="reps"/> times, one call per sample.</summary>
    public static (Distribution Respond, Distribution Understand, List<(string Id, string Text, double MedianUs)> Slowest) Answers(StoryKnowledge knowledge, int reps, int warmup = 3)
    {
        var messages = DevMessages.Load();
        var analyzer = BenchSetup.Analyzer(knowledge);
        var memory = new ConversationMemory();
        // Warm up by time, not only by passes: tiered JIT promotes hot methods to optimised code only after
        // ~30 calls and a background delay, and timing tier-0 code once doubled the first medians measured.
        var warmStart = Stopwatch.GetTimestamp();
        for (var w = 0; w < warmup || Stopwatch.GetElapsedTime(warmStart) < TimeSpan.FromSeconds(WarmupSeconds); w++)
        {
            foreach (var m in messages)
            {
                DevMessages.Respond(knowledge, m, ref memory);
                analyzer.Analyze(m.Text);
            }
        }

        var gc0 = GC.CollectionCount(0);
        var pause0 = GC.GetTotalPauseDuration();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var wall0 = Stopwatch.GetTimestamp();
        var respond = new List<double>(messages.Count * reps);
        var understand = new List<double>(messages.Count * reps);
        var perMessage = messages.Select(_ => new List<double>(reps)).ToArray();
        long respondAlloc = 0, understandAlloc = 0;
        for (var r = 0; r < reps; r++)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var m = messages[i];
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = Stopwatch.GetTimestamp();
                DevMessages.Respond(knowledge, m, ref memory);
                var t1 = Stopwatch.GetTimestamp();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                analyzer.Analyze(m.Text);
                var t2 = Stopwatch.GetTimestamp();
                var a2 = GC.GetAllocatedBytesForCurrentThread();
                var us = (t1 - t0) * 1e6 / Stopwatch.Frequency;
                respond.Add(us);
                perMessage[i].Add(us);
                understand.Add((t2 - t1) * 1e6 / Stopwatch.Frequency);
                respondAlloc += a1 - a0;
                understandAlloc += a2 - a1;
            }
        }

        LastGc = (GC.CollectionCount(0) - gc0, (GC.GetTotalPauseDuration() - pause0).TotalMilliseconds, Stopwatch.GetElapsedTime(wall0).TotalMilliseconds,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds);
        var slowest = messages.Select((m, i) => (m.Id, m.Text, MedianUs: Percentile(perMessage[i], 0.5)))
            .OrderByDescending(x => x.MedianUs).Take(8).ToList();
        return (Summarise(respond, respondAlloc), Summarise(understand, understandAlloc), slowest);
    }

    public static int RunAnswers(int reps, bool cached = false)
    {
        // cached: the host's default question-embedding cache, filled by the warm-up, as for a repeated question.
        using var knowledge = BenchSetup.Load(queryCacheSize: cached ? KnowledgeOptions.DefaultQueryCacheSize : 0);
        Console.WriteLine(cached ? "question embeddings: cached (as for a repeated question)" : "question embeddings: none cached (every question embedded anew)");
        var (respond, understand, slowest) = Answers(knowledge, reps);
        Console.WriteLine($"## In-process answer time over the dev messages ({respond.Count} samples: {respond.Count / reps} messages × {reps})");
        Console.WriteLine();
        Console.WriteLine("| what | mean µs | median µs | p95 µs | p99 µs | max µs | allocated B/message |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row("understand (QuestionAnalyzer.Analyze)", understand));
        Console.WriteLine(Row("understand + answer (StoryKnowledge.Respond)", respond));
        Console.WriteLine();
        var samples = respond.Count;
        Console.WriteLine(string.Create(Inv, $"Process CPU during the timed loop (all threads): {1000 * LastGc.CpuMs / samples:0} µs per message (understand + answer, then understand alone), against {1000 * LastGc.WallMs / samples:0} µs of wall time"));
        Console.WriteLine(string.Create(Inv, $"GC during the timed loop: {LastGc.Gen0} gen0 collections, {LastGc.PauseMs:0} ms paused of {LastGc.WallMs:0} ms ({100 * LastGc.PauseMs / LastGc.WallMs:0.0}%); heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:0} MB"));
        Console.WriteLine();
        Console.WriteLine("Slowest messages (median µs):");
        foreach (var (id, text, us) in slowest)
        {
            Console.WriteLine(string.Create(Inv, $"  {id,-5} {us,8:0.0}  {text}"));
        }

        return 0;
    }

    /// <summary>Prints each dev message's reply in a stable form, so a performance change can be shown not to change answers.</summary>
    public static int RunReplies(int stories)
    {
        var folder = stories > 1 ? SyntheticStories.Write(BenchSetup.Story().Path, stories) : null;
        using var knowledge = BenchSetup.Load(folder);
        var memory = new ConversationMemory();
        foreach (var m in DevMessages.Load())
        {
            var r = DevMessages.Respond(knowledge, m, ref memory);
            var cites = string.Join(",", r.Citations.Select(c => $"{c.StoryId}#{c.Sentence}[{c.Span}]"));
            var related = string.Join(",", r.Related.Select(c => $"{c.StoryId}#{c.Sentence}"));
            Console.WriteLine(string.Create(Inv, $"{m.Id}\t{r.Kind}\t{r.Confidence:0.000000}\t{cites}\t{related}\t{string.Join("|", r.Suggestions)}\t{m.Text}"));
        }

        return 0;
    }

    /// <summary>Answer time and index size over 1, 10, 100 … stories, each question searching all of them.</summary>
    public static int RunScale(int[] counts, int reps)
    {
        Console.WriteLine("## Scale: answer time and index size by number of stories");
        Console.WriteLine();
        Console.WriteLine("| stories | sentences | index on disk KB | load + index build ms | managed heap after load MB | answer median µs | answer p95 µs | answer mean µs | allocated B/answer | median vs 1 story |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        // One untimed round first: the process's first knowledge load also loads the shared lexicon and JITs
        // everything, which otherwise lands on whichever size is measured first.
        using (var warm = BenchSetup.Load())
        {
            Answers(warm, reps: 1);
        }

        double? baseline = null;
        foreach (var count in counts)
        {
            var folder = SyntheticStories.Write(BenchSetup.Story().Path, count);
            var indexPath = BenchSetup.TempFolder("scale-index");
            var heap0 = GC.GetTotalMemory(forceFullCollection: true);
            var t0 = Stopwatch.GetTimestamp();
            using var knowledge = BenchSetup.Load(folder, indexPath);
            var loadMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            var heap = (GC.GetTotalMemory(forceFullCollection: true) - heap0) / 1048576.0;
            var (respond, _, _) = Answers(knowledge, reps);
            baseline ??= respond.MedianUs;
            Console.WriteLine(string.Create(Inv,
                $"| {count} | {knowledge.Model.SentenceCount} | {BenchSetup.FolderBytes(indexPath) / 1024.0:0} | {loadMs:0} | {heap:0.0} | {respond.MedianUs:0.0} | {respond.P95Us:0.0} | {respond.MeanUs:0.0} | {respond.AllocBytes:0} | {respond.MedianUs / baseline:0.00}× |"));
            TryDelete(folder);
            TryDelete(indexPath);
        }

        return 0;
    }

    /// <summary>
    /// Starts the published host <paramref name="runs"/> times (after one priming start that makes sure the
    /// index exists) and measures process start → first answer to an expectReplies message, and → /healthz.
    /// </summary>
    public static int RunStartup(string host, int runs)
    {
        host = Path.GetFullPath(host);
        if (!File.Exists(host))
        {
            Console.Error.WriteLine($"no published host at {host}: dotnet publish src/StoryBot -c Release -o artifacts/publish/StoryBot");
            return 2;
        }

        Console.WriteLine($"## Start-up: process start → first answer ({host}, existing index)");
        Console.WriteLine();
        var (prime, _) = StartOnce(host);
        Console.WriteLine(string.Create(Inv, $"priming start (builds the index if missing): {prime:0} ms"));
        Console.WriteLine();
        Console.WriteLine("| run | start → /healthz ms | start → first answer ms |");
        Console.WriteLine("|---:|---:|---:|");
        var answers = new List<double>();
        var healths = new List<double>();
        for (var i = 1; i <= runs; i++)
        {
            var (answer, health) = StartOnce(host);
            answers.Add(answer);
            healths.Add(health);
            Console.WriteLine(string.Create(Inv, $"| {i} | {health:0} | {answer:0} |"));
        }

        Console.WriteLine(string.Create(Inv, $"| median | {Percentile(healths, 0.5):0} | {Percentile(answers, 0.5):0} |"));
        Console.WriteLine(string.Create(Inv, $"| max | {healths.Max():0} | {answers.Max():0} |"));
        return 0;
    }

    private static (double AnswerMs, double HealthMs) StartOnce(string host)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var apphost = host.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? host[..^4] : host;
        var psi = File.Exists(apphost) && !OperatingSystem.IsWindows() ? new ProcessStartInfo(apphost) : new ProcessStartInfo("dotnet") { ArgumentList = { host } };
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        psi.WorkingDirectory = BenchSetup.RepoRoot;
        psi.Environment["STORYBOT_ROOT"] = BenchSetup.RepoRoot;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        // The figure is measured by the stopwatch; the timeout only guards a hang. A first answer waits for the
        // sentence encoder to load, which on a busy 2-core machine (CI beside other builds) took over 5 s.
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var body = Encoding.UTF8.GetBytes($$"""
            {"type":"message","id":"startup-1","channelId":"emulator","serviceUrl":"http://localhost:9/","deliveryMode":"expectReplies",
             "from":{"id":"user","role":"user"},"recipient":{"id":"storybot","role":"bot"},"conversation":{"id":"startup-{{port}}"},"text":"who did Trump fire?"}
            """);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Poll /healthz until the host listens (it loads the stories and opens the index before that),
            // then send the first message: start → answer is the whole cold path a user waits for.
            var health = double.NaN;
            while (double.IsNaN(health))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the host exited with code {process.ExitCode}");
                }

                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("the host did not listen within 60 s");
                }

                try
                {
                    using var h = client.GetAsync("/healthz").GetAwaiter().GetResult();
                    if (h.IsSuccessStatusCode)
                    {
                        health = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    Thread.Sleep(2);
                }
            }

            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = client.PostAsync("/api/messages", content).GetAwaiter().GetResult();
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var answer = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK || !text.Contains("\"activities\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"first answer failed: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
            }

            return (answer, health);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Distribution Summarise(List<double> samples, long allocated) => new(
        samples.Count, samples.Average(), Percentile(samples, 0.5), Percentile(samples, 0.95), Percentile(samples, 0.99), samples.Max(), (double)allocated / samples.Count);

    private static string Row(string what, Distribution d) => string.Create(Inv,
        $"| {what} | {d.MeanUs:0.0} | {d.MedianUs:0.0} | {d.P95Us:0.0} | {d.P99Us:0.0} | {d.MaxUs:0} | {d.AllocBytes:0} |");

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
