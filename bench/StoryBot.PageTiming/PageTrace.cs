using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

/// <summary>
/// Where a first visit's main-thread time goes, from a Chromium trace of it: compiling script (V8's
/// compile and parse events, on the page's main thread and, streamed while downloading, off it),
/// running script (evaluation and callbacks, less their compiling), style and layout, paint, and
/// garbage collection. Each figure is the sum of the outermost events of its kind, so none is counted twice.
/// </summary>
internal sealed record PageTrace(double CompileMs, double BackgroundCompileMs, double ScriptMs, double StyleLayoutMs, double PaintMs, double GcMs)
{
    private static readonly string[] Categories = { "devtools.timeline", "v8", "disabled-by-default-v8.compile", "disabled-by-default-devtools.timeline" };

    private static readonly HashSet<string> Compile = new(StringComparer.Ordinal)
        { "v8.compile", "V8.CompileCode", "v8.compileModule", "V8.ParseProgram", "V8.ParseFunction", "V8.CompileLazy", "V8.CompileEval", "v8.produceCache",
          // streamed scripts: parsed and compiled on a worker thread while they download
          "v8.parseOnBackground", "BackgroundCompileTask::Run", "V8.CompileCodeBackground" };

    private static readonly HashSet<string> Script = new(StringComparer.Ordinal)
        { "EvaluateScript", "FunctionCall", "TimerFire", "FireAnimationFrame", "RunMicrotasks", "EventDispatch", "v8.evaluateModule", "XHRReadyStateChange" };

    private static readonly HashSet<string> StyleLayout = new(StringComparer.Ordinal) { "UpdateLayoutTree", "Layout", "RecalculateStyles", "ParseAuthorStyleSheet" };

    private static readonly HashSet<string> Paint = new(StringComparer.Ordinal) { "Paint", "PrePaint", "Layerize", "Commit" };

    private static readonly HashSet<string> Gc = new(StringComparer.Ordinal) { "MinorGC", "MajorGC", "V8.GCScavenger", "V8.GCFinalizeMC", "V8.GC_MC_BACKGROUND_MARKING", "BlinkGC.AtomicPhase" };

    /// <summary>
    /// Traces one visit over the page's DevTools session: <paramref name="visit"/> navigates and waits.
    /// With <paramref name="saveTo"/>, the raw trace is written there too (Chromium's JSON trace format:
    /// open it in DevTools' Performance panel to see what each long task was).
    /// </summary>
    public static async Task<PageTrace> RecordAsync(IPage page, Func<Task> visit, string? saveTo = null)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        var events = new List<JsonElement>();
        var complete = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            lock (events) { events.AddRange(e!.Value.GetProperty("value").EnumerateArray().Select(x => x.Clone())); }
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        await session.SendAsync("Tracing.start", new() { ["categories"] = string.Join(',', Categories), ["transferMode"] = "ReportEvents" });
        await visit();
        await session.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await session.DetachAsync();
        if (saveTo is not null)
        {
            await using var file = File.Create(saveTo);
            await JsonSerializer.SerializeAsync(file, new { traceEvents = events });
        }

        lock (events) { return Summarize(events); }
    }

    private static PageTrace Summarize(List<JsonElement> events)
    {
        // The page's main thread: the renderer thread that evaluated the most script.
        var complete = events
            .Where(e => e.TryGetProperty("ph", out var ph) && ph.GetString() == "X" && e.TryGetProperty("dur", out _))
            .Select(e => (Name: e.GetProperty("name").GetString() ?? string.Empty, Thread: $"{e.GetProperty("pid")}/{e.GetProperty("tid")}",
                Start: e.GetProperty("ts").GetDouble(), Ms: e.GetProperty("dur").GetDouble() / 1000))
            .ToList();
        var main = complete.Where(e => e.Name == "EvaluateScript").GroupBy(e => e.Thread).OrderByDescending(g => g.Sum(e => e.Ms)).Select(g => g.Key).FirstOrDefault();
        var onMain = complete.Where(e => e.Thread == main).OrderBy(e => e.Start).ToList();

        double Outermost(Func<string, bool> kind, IEnumerable<(string Name, string Thread, double Start, double Ms)> source)
        {
            var total = 0.0;
            var end = double.MinValue;
            foreach (var e in source.Where(e => kind(e.Name)).OrderBy(e => e.Start))
            {
                if (e.Start >= end)
                {
                    total += e.Ms;
                    end = e.Start + e.Ms * 1000;
                }
            }

            return total;
        }

        var compile = Outermost(Compile.Contains, onMain);
        var background = complete.Where(e => e.Thread != main).GroupBy(e => e.Thread).Sum(g => Outermost(Compile.Contains, g));
        var scriptWithCompile = Outermost(Script.Contains, onMain);
        return new PageTrace(compile, background, Math.Max(0, scriptWithCompile - compile), Outermost(StyleLayout.Contains, onMain),
            Outermost(Paint.Contains, onMain), Outermost(Gc.Contains, onMain));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {CompileMs:F0} | {BackgroundCompileMs:F0} | {ScriptMs:F0} | {StyleLayoutMs:F0} | {PaintMs:F0} | {GcMs:F0} |");
}
