using System.Globalization;
using Microsoft.Playwright;

// StoryBot page timing: starts the host, warms it with one unmeasured visit, then for each run opens
// a fresh browser context (empty cache) and times the first visit, then the second visit in the same
// context; then, in fresh contexts, types a question the instant the send box appears and counts the
// answers. With --bundles lean,full it starts one host per Web Chat bundle (DirectLine:WebChatBundle)
// and takes their runs in turn, so both are measured under the same load; --host may be given more
// than once, as NAME=StoryBot.dll, to compare builds (e.g. before/after a change) the same way.
// Headless Debian Chromium (/usr/bin/chromium, .ci/install-browser.sh). Not a test: it
// reports figures (docs/webchat.md) and fails only when the page does not work.
var runs = 3;
var instant = 10;
var hostDlls = new List<(string Name, string Dll)>();
string? root = null;
var question = "who did trump fire?";
var bundles = new[] { "lean" };
string? traceDir = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--host":
            var host = Next();
            var named = host.IndexOf('=', StringComparison.Ordinal) is var at && at > 0 && !host[..at].Contains('/', StringComparison.Ordinal);
            hostDlls.Add(named ? (host[..at] + "/", host[(at + 1)..]) : (string.Empty, host));
            break;
        case "--root": root = Next(); break;
        case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--instant": instant = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--question": question = Next(); break;
        case "--bundles": bundles = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
        case "--trace-out": traceDir = Next(); break;
        case "--smoke": runs = 1; instant = 1; break;
        default:
            Console.Error.WriteLine("usage: StoryBot.PageTiming --host [NAME=]<StoryBot.dll> [--host …] [--root <repo root>] [--runs 3] [--instant 10] [--question TEXT] [--bundles lean,full] [--trace-out DIR] [--smoke]");
            return 2;
    }
}

const string chromium = "/usr/bin/chromium";
var missing = hostDlls.Count == 0 ? "(none)" : hostDlls.Select(h => h.Dll).FirstOrDefault(d => !File.Exists(d));
if (missing is not null || !File.Exists(chromium))
{
    Console.Error.WriteLine(missing is not null ? $"no host at '{missing}': pass --host <StoryBot.dll>" : $"{chromium} is missing: run .ci/install-browser.sh");
    return 2;
}

root ??= FindRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
Console.WriteLine($"# StoryBot page timing: {runs} run(s), first and second visit; {instant} fresh visit(s) typing at once");
hostDlls.ForEach(h => Console.WriteLine($"host: {h.Name}{h.Dll}"));
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");

var hosts = new List<(string Bundle, HostProcess Host)>();
try
{
    foreach (var (name, dll) in hostDlls)
    {
        foreach (var bundle in bundles)
        {
            hosts.Add((name + bundle, await HostProcess.StartAsync(dll, root, bundle)));
        }
    }

    return await MeasureAllAsync();
}
finally
{
    hosts.ForEach(h => h.Host.Dispose());
}

async Task<int> MeasureAllAsync()
{
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = chromium,
        Headless = true,
        Args = new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync" },
    });

    async Task<IBrowserContext> NewContextAsync()
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.AddInitScriptAsync(PageVisit.Probe);
        return context;
    }

    // Each host warm (one unmeasured visit with a question), as the targets are stated.
    foreach (var (_, host) in hosts)
    {
        await using var warm = await NewContextAsync();
        await PageVisit.TypeAtOnceAsync(await warm.NewPageAsync(), host.BaseAddress, question);
    }

    Console.WriteLine();
    Console.WriteLine("| bundle | run | visit | conversation started (ms) | bundle loaded (ms) | bundle run (ms) | send box shown (ms) | key pressed (ms) | key in box (ms) | widget's box (ms) | connected (ms) | welcome (ms) | widget's welcome (ms) | transferred (KB) | requests |");
    Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    var visits = hosts.ToDictionary(h => h.Bundle, _ => (First: new List<PageVisit>(), Second: new List<PageVisit>()));
    for (var run = 1; run <= runs; run++)
    {
        foreach (var (bundle, host) in hosts)
        {
            await using var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            var a = await PageVisit.MeasureAsync(page, host.BaseAddress);
            visits[bundle].First.Add(a);
            Console.WriteLine(Row(bundle, run, "first", a));
            var b = await PageVisit.MeasureAsync(page, host.BaseAddress);
            visits[bundle].Second.Add(b);
            Console.WriteLine(Row(bundle, run, "second", b));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"| median of {runs} | conversation started (ms) | bundle loaded (ms) | bundle run (ms) | send box shown (ms) | key pressed (ms) | key in box (ms) | widget's box (ms) | connected (ms) | welcome (ms) | widget's welcome (ms) | transferred (KB) |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (bundle, (firstVisits, secondVisits)) in visits)
    {
        Console.WriteLine(Median($"{bundle}: first visit", firstVisits));
        Console.WriteLine(Median($"{bundle}: second visit", secondVisits));
    }

    // Where a first visit's main-thread time goes: one more fresh visit per bundle, traced.
    Console.WriteLine();
    Console.WriteLine("| first visit, traced (ms) | compile (main thread) | compile (off it) | run script | style + layout | paint | GC |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var (bundle, host) in hosts)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var saveTo = traceDir is null ? null : Path.Combine(Directory.CreateDirectory(traceDir).FullName, $"first-visit-{bundle.Replace('/', '-')}.json");
        var trace = await PageTrace.RecordAsync(page, () => PageVisit.MeasureAsync(page, host.BaseAddress), saveTo);
        Console.WriteLine($"| {bundle} {trace}");
    }

    // Typed at once, the hosts taking turns as above.
    var answers = hosts.ToDictionary(h => h.Bundle, _ => new List<double>());
    for (var i = 0; i < instant; i++)
    {
        foreach (var (bundle, host) in hosts)
        {
            await using var context = await NewContextAsync();
            if (await PageVisit.TypeAtOnceAsync(await context.NewPageAsync(), host.BaseAddress, question) is { } ms)
            {
                answers[bundle].Add(ms);
            }
        }
    }

    Console.WriteLine();
    foreach (var (bundle, ms) in answers)
    {
        var median = ms.Count == 0 ? "-" : Mid(ms).ToString("F0", CultureInfo.InvariantCulture);
        Console.WriteLine($"{bundle}: typed the instant a send box appeared: {ms.Count} of {instant} answered once (answer shown at {median} ms, median)");
    }

    var allAnswered = answers.Values.All(ms => ms.Count == instant);
    return allAnswered ? 0 : 1;
}

static string Row(string bundle, int run, string visit, PageVisit v) =>
    string.Create(CultureInfo.InvariantCulture, $"| {bundle} | {run} | {visit} | {v.StartedMs:F0} | {v.BundleLoadedMs:F0} | {v.BundleRunMs:F0} | {v.SendBoxMs:F0} | {v.KeyTypedMs:F0} | {v.KeyEchoedMs:F0} | {v.WidgetMs:F0} | {v.ConnectedMs:F0} | {v.WelcomeMs:F0} | {v.WidgetWelcomeMs:F0} | {v.Bytes / 1024.0:F1} | {v.Requests} |");

static double Mid(IEnumerable<double> xs)
{
    var s = xs.OrderBy(x => x).ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}

static string Median(string label, List<PageVisit> visits)
{
    return string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {Mid(visits.Select(v => v.StartedMs)):F0} | {Mid(visits.Select(v => v.BundleLoadedMs)):F0} | {Mid(visits.Select(v => v.BundleRunMs)):F0} | {Mid(visits.Select(v => v.SendBoxMs)):F0} | {Mid(visits.Select(v => v.KeyTypedMs)):F0} | {Mid(visits.Select(v => v.KeyEchoedMs)):F0} | {Mid(visits.Select(v => v.WidgetMs)):F0} | {Mid(visits.Select(v => v.ConnectedMs)):F0} | {Mid(visits.Select(v => v.WelcomeMs)):F0} | {Mid(visits.Select(v => v.WidgetWelcomeMs)):F0} | {Mid(visits.Select(v => (double)v.Bytes)) / 1024.0:F1} |");
}

static string? FindRoot(string start)
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
