using Microsoft.Playwright;
using Xunit.Abstractions;

namespace StoryBot.Tests.Browser;

/// <summary>
/// One headless Chromium page against a host on loopback, with what the tests check afterwards:
/// requests that tried to leave localhost (aborted), HTTP errors, and console errors.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    /// <summary>The Web Chat send box.</summary>
    public const string SendBox = "[data-id=\"webchat-sendbox-input\"]";

    /// <summary>A bubble the bot sent.</summary>
    public const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ITestOutputHelper _output;

    private BrowserPage(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, ITestOutputHelper output)
    {
        _output = output;
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public List<string> Foreign { get; } = new();

    public List<string> Failed { get; } = new();

    public List<string> ConsoleErrors { get; } = new();

    public int Requests;

    public static async Task<BrowserPage> OpenAsync(ITestOutputHelper output)
    {
        Chromium.EnsureInstalled(output);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = Chromium.Args,
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        var session = new BrowserPage(playwright, browser, context, page, output);
        await context.RouteAsync("**/*", async route =>
        {
            var uri = new Uri(route.Request.Url);
            Interlocked.Increment(ref session.Requests);
            if (uri.IsLoopback || uri.Scheme is "data" or "blob")
            {
                await route.FallbackAsync();
            }
            else
            {
                lock (session.Foreign) { session.Foreign.Add(route.Request.Url); }
                await route.AbortAsync();
            }
        });
        page.Console += (_, message) => { if (message.Type == "error") { lock (session.ConsoleErrors) { session.ConsoleErrors.Add(message.Text); } } };
        page.PageError += (_, error) => { lock (session.ConsoleErrors) { session.ConsoleErrors.Add(error); } };
        page.Response += (_, response) =>
        {
            // /api/story is optional: the page falls back to the welcome's suggested actions.
            if (response.Status >= 400 && !(response.Status == 404 && response.Url.EndsWith("/api/story", StringComparison.Ordinal)))
            {
                lock (session.Failed) { session.Failed.Add($"{response.Status} {response.Url}"); }
            }
        };
        return session;
    }

    /// <summary>Opens the bot's page at <paramref name="baseAddress"/> and waits for the welcome; returns the bot's bubbles.</summary>
    public async Task<ILocator> VisitAsync(Uri baseAddress)
    {
        await Page.GotoAsync(baseAddress.ToString());
        var botBubbles = Page.Locator(BotBubble);
        await Assertions.Expect(botBubbles.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        return botBubbles;
    }

    /// <summary>Saves a screenshot under bin/…/screenshots and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new() { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        // What the page saw, for a failing test's output.
        lock (Failed) { Failed.ForEach(f => _output.WriteLine("HTTP error: " + f)); }
        lock (ConsoleErrors) { ConsoleErrors.ForEach(e => _output.WriteLine("console error: " + e)); }
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
