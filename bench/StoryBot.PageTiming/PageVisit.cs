using System.Text.Json;
using Microsoft.Playwright;

/// <summary>
/// One visit of the page, timed inside the page from navigation start (performance.now()): the send
/// box shown (the first one in the page, the page's own or the widget's, at or after the first
/// contentful paint), a key pressed the moment it is focused (keydown's timestamp: when the browser
/// took the key) and when that key was in the box (its input event ran: the main thread was free),
/// the widget's own send box rendered, Direct Line connected, the welcome shown (the page's own copy
/// of it from the conversation its head script started, or the widget's first bot bubble), the
/// widget's first bot bubble;
/// bytes over the wire are the Resource Timing transfer sizes (headers + encoded body, 0 for a cache
/// hit) of the document and every request until the welcome. The Web Chat bundle's own share: when
/// its download ended, and when it had run (it assigned <c>window.WebChat</c>): the gap is the browser
/// compiling and running it. And when the head script's <c>POST …/conversations</c> came back.
/// </summary>
internal sealed record PageVisit(double BundleLoadedMs, double BundleRunMs, double SendBoxMs, double KeyTypedMs, double KeyEchoedMs, double WidgetMs, double ConnectedMs, double WelcomeMs, double WidgetWelcomeMs, long Bytes, int Requests, double StartedMs)
{
    /// <summary>Either send box: the page's own (until the widget has rendered) or the widget's.</summary>
    public const string SendBox = "#early-input, [data-id=\"webchat-sendbox-input\"]";
    public const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    /// <summary>Installed in every page of a context before its own scripts: records when each milestone first holds.</summary>
    public const string Probe = """
        (() => {
          const t = window.__pageTiming = {};
          Object.defineProperty(window, 'WebChat', { configurable: true, set(value) {
            t.bundleRun = performance.now();
            Object.defineProperty(window, 'WebChat', { value, writable: true, configurable: true, enumerable: true });
          } });
          addEventListener('keydown', e => { if (t.keyTyped === undefined) t.keyTyped = e.timeStamp; }, true);
          addEventListener('input', () => { if (t.keyEchoed === undefined) t.keyEchoed = performance.now(); }, true);
          const check = () => {
            const now = performance.now();
            if (t.sendBox === undefined && document.querySelector('#early-input, [data-id="webchat-sendbox-input"]')) t.sendBox = now;
            if (t.widget === undefined && document.querySelector('[data-id="webchat-sendbox-input"]')) t.widget = now;
            const chat = document.getElementById('webchat');
            if (t.connected === undefined && chat && chat.getAttribute('data-state') === 'ready') t.connected = now;
            if (t.welcome === undefined && document.querySelector('.early-welcome, .webchat__bubble:not(.webchat__bubble--from-user)')) t.welcome = now;
            if (t.answered === undefined && document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length >= 2 && document.querySelector('.webchat__bubble--from-user')) t.answered = now;
            if (t.widgetWelcome === undefined && document.querySelector('.webchat__bubble:not(.webchat__bubble--from-user)')) t.widgetWelcome = now;
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
          addEventListener('focusin', check, true);
          // What the harness waits for, as promises it can await with one evaluate: Playwright's own
          // waits (locators, waitForFunction) would load its injected script into the page, hundreds of
          // ms of main-thread compile that no visitor pays.
          const when = test => new Promise(resolve => {
            const poll = () => test() ? resolve(true) : setTimeout(poll, 5);
            poll();
          });
          t.sendBoxFocused = when(() => document.activeElement && document.activeElement.matches('#early-input, [data-id="webchat-sendbox-input"]'));
          t.done = when(() => t.widgetWelcome !== undefined && t.connected !== undefined && t.keyEchoed !== undefined);
        })();
        """;

    private const string Collect = """
        () => {
          const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
          const t = window.__pageTiming || {};
          const resources = performance.getEntriesByType('resource');
          const bundle = resources.find(e => /\/webchat\/webchat(-lean)?[.][^/]*js$/.test(new URL(e.name).pathname));
          const started = resources.find(e => /\/conversations$/.test(new URL(e.name).pathname));
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          const shown = t.sendBox === undefined ? -1 : Math.max(t.sendBox, paint ? paint.startTime : 0);
          return { started: started ? started.responseEnd : -1, bundleLoaded: bundle ? bundle.responseEnd : -1, bundleRun: t.bundleRun ?? -1, sendBox: shown,
                   keyTyped: t.keyTyped ?? -1, keyEchoed: t.keyEchoed ?? -1, widget: t.widget ?? -1, connected: t.connected ?? -1, welcome: t.welcome ?? -1, widgetWelcome: t.widgetWelcome ?? -1,
                   bytes: entries.reduce((s, e) => s + (e.transferSize || 0), 0), requests: entries.length };
        }
        """;

    public static async Task<PageVisit> MeasureAsync(IPage page, Uri url)
    {
        await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit });

        // Usable, not only shown: a key pressed as soon as a send box has the focus, and when it got in.
        await page.EvaluateAsync("() => window.__pageTiming.sendBoxFocused").WaitAsync(TimeSpan.FromSeconds(30));
        await page.Keyboard.PressAsync("w");
        await page.EvaluateAsync("() => window.__pageTiming.done").WaitAsync(TimeSpan.FromSeconds(30));
        var r = await page.EvaluateAsync<JsonElement>(Collect);
        double Ms(string name) => r.GetProperty(name).GetDouble();
        return new PageVisit(Ms("bundleLoaded"), Ms("bundleRun"), Ms("sendBox"), Ms("keyTyped"), Ms("keyEchoed"), Ms("widget"), Ms("connected"), Ms("welcome"), Ms("widgetWelcome"),
            (long)r.GetProperty("bytes").GetDouble(), r.GetProperty("requests").GetInt32(), r.GetProperty("started").GetDouble());
    }

    /// <summary>
    /// Types the question the moment a send box appears (the page's own, or the widget's) and presses
    /// Enter; the time from navigation to the answer in the widget when the bot answers it once, else null.
    /// </summary>
    public static async Task<double?> TypeAtOnceAsync(IPage page, Uri url, string question)
    {
        await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        var box = page.Locator(SendBox).First;
        await box.WaitForAsync(new() { Timeout = 30_000 });
        await box.FillAsync(question);
        await box.PressAsync("Enter");
        try
        {
            // the welcome and the answer
            await page.WaitForFunctionAsync(
                "() => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length >= 2 && document.querySelectorAll('.webchat__bubble--from-user').length >= 1",
                null, new() { Timeout = 20_000 });
            await page.WaitForTimeoutAsync(500); // a second copy of the question would be echoed by now
            var once = await page.Locator(".webchat__activity-status").Filter(new() { HasText = "Send failed" }).CountAsync() == 0 &&
                await page.Locator(".webchat__bubble--from-user").CountAsync() == 1;
            return once ? await page.EvaluateAsync<double>("() => window.__pageTiming.answered") : null;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
