using System.Text.Json;
using Microsoft.Playwright;

/// <summary>
/// One visit of the page, timed inside the page from navigation start (performance.now()):
/// the send box shown (typing is accepted from then on: the page holds a submit until connected),
/// Direct Line connected, the first bot bubble (the welcome); bytes over the wire are the Resource
/// Timing transfer sizes (headers + encoded body, 0 for a cache hit) of the document and every
/// request until the welcome. The Web Chat bundle's own share: when its download ended, and when it
/// had run (it assigned <c>window.WebChat</c>): the gap is the browser compiling and running it.
/// And when the head script's <c>POST …/conversations</c> came back: the bot's side of the start.
/// </summary>
internal sealed record PageVisit(double BundleLoadedMs, double BundleRunMs, double SendBoxMs, double ConnectedMs, double WelcomeMs, long Bytes, int Requests, double StartedMs)
{
    public const string SendBox = "[data-id=\"webchat-sendbox-input\"]";
    public const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    /// <summary>Installed in every page of a context before its own scripts: records when each milestone first holds.</summary>
    public const string Probe = """
        (() => {
          const t = window.__pageTiming = {};
          Object.defineProperty(window, 'WebChat', { configurable: true, set(value) {
            t.bundleRun = performance.now();
            Object.defineProperty(window, 'WebChat', { value, writable: true, configurable: true, enumerable: true });
          } });
          const check = () => {
            const now = performance.now();
            if (t.sendBox === undefined && document.querySelector('[data-id="webchat-sendbox-input"]')) t.sendBox = now;
            const chat = document.getElementById('webchat');
            if (t.connected === undefined && chat && chat.getAttribute('data-state') === 'ready') t.connected = now;
            if (t.welcome === undefined && document.querySelector('.webchat__bubble:not(.webchat__bubble--from-user)')) t.welcome = now;
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
        })();
        """;

    private const string Collect = """
        () => {
          const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
          const t = window.__pageTiming || {};
          const resources = performance.getEntriesByType('resource');
          const bundle = resources.find(e => /\/webchat\/webchat(-lean)?[.][^/]*js$/.test(new URL(e.name).pathname));
          const started = resources.find(e => /\/conversations$/.test(new URL(e.name).pathname));
          return { started: started ? started.responseEnd : -1, bundleLoaded: bundle ? bundle.responseEnd : -1, bundleRun: t.bundleRun ?? -1, sendBox: t.sendBox ?? -1, connected: t.connected ?? -1, welcome: t.welcome ?? -1,
                   bytes: entries.reduce((s, e) => s + (e.transferSize || 0), 0), requests: entries.length };
        }
        """;

    public static async Task<PageVisit> MeasureAsync(IPage page, Uri url)
    {
        await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator(BotBubble).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => window.__pageTiming && window.__pageTiming.connected !== undefined", null, new() { Timeout = 30_000 });
        var r = await page.EvaluateAsync<JsonElement>(Collect);
        return new PageVisit(r.GetProperty("bundleLoaded").GetDouble(), r.GetProperty("bundleRun").GetDouble(), r.GetProperty("sendBox").GetDouble(), r.GetProperty("connected").GetDouble(), r.GetProperty("welcome").GetDouble(),
            (long)r.GetProperty("bytes").GetDouble(), r.GetProperty("requests").GetInt32(), r.GetProperty("started").GetDouble());
    }

    /// <summary>Types the question the moment the send box appears and presses Enter; true when the bot answers it.</summary>
    public static async Task<bool> TypeAtOnceAsync(IPage page, Uri url, string question)
    {
        await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        var box = page.Locator(SendBox);
        await box.WaitForAsync(new() { Timeout = 30_000 });
        await box.FillAsync(question);
        await box.PressAsync("Enter");
        try
        {
            // the welcome and the answer
            await page.WaitForFunctionAsync(
                "() => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length >= 2 && document.querySelectorAll('.webchat__bubble--from-user').length >= 1",
                null, new() { Timeout = 20_000 });
            return await page.Locator(".webchat__activity-status").Filter(new() { HasText = "Send failed" }).CountAsync() == 0;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
