using Microsoft.Playwright;
using StoryBot.Tests.DirectLine;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Browser;

/// <summary>
/// End to end in headless Chromium: the real host on a loopback port, the page at <c>/</c>, the npm
/// Web Chat bundle, the built-in Direct Line endpoint and the bot. Nothing may leave localhost.
/// Needs /usr/bin/chromium: when it is missing the test runs .ci/install-browser.sh (Debian's package),
/// so the README's one test command also does this set-up on a fresh machine.
/// </summary>
public sealed class WebChatPageTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    private static readonly string[] ChromiumArgs =
    {
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    };

    private readonly ITestOutputHelper _output;

    public WebChatPageTests(ITestOutputHelper output) => _output = output;

    private static readonly object InstallLock = new();

    private void EnsureChromium()
    {
        lock (InstallLock)
        {
            if (File.Exists(ChromiumPath))
            {
                return;
            }

            var script = Path.Combine(StoryBotFactory.RepoRoot, ".ci", "install-browser.sh");
            _output.WriteLine($"installing chromium with {script}");
            using var install = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", script) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var stdout = install.StandardOutput.ReadToEndAsync();
            var stderr = install.StandardError.ReadToEndAsync();
            if (!install.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                install.Kill(entireProcessTree: true);
            }

            _output.WriteLine(stdout.Result);
            _output.WriteLine(stderr.Result);
        }
    }

    [Fact]
    public async Task Page_Welcomes_AnswersWithCitations_AndStaysOnLocalhost()
    {
        EnsureChromium();
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run .ci/install-browser.sh");

        using var host = new StoryBotFactory();
        var baseAddress = host.StartKestrel();
        _output.WriteLine($"host: {baseAddress}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });

        var foreign = new List<string>();
        var requests = 0;
        await context.RouteAsync("**/*", async route =>
        {
            var uri = new Uri(route.Request.Url);
            Interlocked.Increment(ref requests);
            if (uri.IsLoopback || uri.Scheme is "data" or "blob")
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (foreign) { foreign.Add(route.Request.Url); }
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { lock (consoleErrors) { consoleErrors.Add(message.Text); } } };
        page.PageError += (_, error) => { lock (consoleErrors) { consoleErrors.Add(error); } };
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            // /api/story is optional: the page falls back to the welcome's suggested actions.
            if (response.Status >= 400 && !(response.Status == 404 && response.Url.EndsWith("/api/story", StringComparison.Ordinal)))
            {
                lock (failed) { failed.Add($"{response.Status} {response.Url}"); }
            }
        };

        await page.GotoAsync(baseAddress.ToString());

        // The welcome, once.
        var botBubbles = page.Locator(BotBubble);
        await Assertions.Expect(botBubbles.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForTimeoutAsync(1_500);
        var welcomeCount = await botBubbles.CountAsync();
        Assert.Equal(1, welcomeCount);
        Assert.Equal(0, await page.Locator("[aria-label*='Upload' i], .webchat__upload-button").CountAsync());

        // A question typed in the send box: the Comey sentence, cited.
        await page.Locator("[data-id=\"webchat-sendbox-input\"]").FillAsync("who did trump fire?");
        await page.Keyboard.PressAsync("Enter");
        var answer = botBubbles.Filter(new() { HasText = "James Comey" }).Last;
        await Assertions.Expect(answer).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var badge = answer.Locator(".webchat__render-markdown__citation").First;
        await Assertions.Expect(badge).ToBeVisibleAsync();
        await Assertions.Expect(answer.Locator("strong").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = "who did trump fire?" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText("Send failed", new() { Exact = false }).CountAsync());

        // A suggested action answers too.
        var before = await botBubbles.CountAsync();
        var suggestion = page.Locator(".webchat__suggested-actions__button").First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        _output.WriteLine($"suggested action: {await suggestion.InnerTextAsync()}");
        await suggestion.ClickAsync();
        await Assertions.Expect(botBubbles).ToHaveCountAsync(before + 1, new() { Timeout = 20_000 });

        // The citation opens a modal with the cited sentence.
        await badge.ClickAsync();
        var modal = page.Locator(".webchat__citation-modal-dialog");
        await Assertions.Expect(modal).ToBeVisibleAsync();
        await Assertions.Expect(modal).ToContainTextAsync("Trump on Tuesday abruptly fired FBI Director James Comey");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "webchat.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot });
        await page.Keyboard.PressAsync("Escape");
        var conversation = Path.Combine(AppContext.BaseDirectory, "screenshots", "webchat-conversation.png");
        await page.ScreenshotAsync(new() { Path = conversation });
        _output.WriteLine($"screenshot: {screenshot}");
        _output.WriteLine($"screenshot: {conversation}");
        Console.WriteLine($"Web Chat screenshots: {screenshot} {conversation}");

        Assert.True(requests > 0);
        Assert.Empty(foreign);
        Assert.Empty(failed);
        Assert.DoesNotContain(consoleErrors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }
}
