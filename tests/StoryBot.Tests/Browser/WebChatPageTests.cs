using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StoryBot.Tests.DirectLine;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Browser;

/// <summary>
/// End to end in headless Chromium: the real host on a loopback port, the page at <c>/</c>, a Web Chat
/// bundle built from npm (the page's own by default; the official full one on request), the built-in
/// Direct Line endpoint and the bot. Nothing may leave localhost.
/// </summary>
public sealed class WebChatPageTests
{
    private readonly ITestOutputHelper _output;

    public WebChatPageTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("lean")]
    [InlineData("full")]
    public async Task Page_Welcomes_AnswersWithCitations_AndStaysOnLocalhost(string bundle)
    {
        using var host = new StoryBotFactory(new Dictionary<string, string?> { ["DirectLine:WebChatBundle"] = bundle });
        var baseAddress = host.StartKestrel();
        _output.WriteLine($"host: {baseAddress}");
        await using var browser = await BrowserPage.OpenAsync(_output);
        var page = browser.Page;

        await page.GotoAsync(baseAddress.ToString());

        // The welcome, once.
        var botBubbles = page.Locator(BrowserPage.BotBubble);
        await Assertions.Expect(botBubbles.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForTimeoutAsync(1_500);
        var welcomeCount = await botBubbles.CountAsync();
        Assert.Equal(1, welcomeCount);
        Assert.Equal(0, await page.Locator("[aria-label*='Upload' i], .webchat__upload-button").CountAsync());

        // A question typed in the send box: the Comey sentence, cited.
        await page.Locator(BrowserPage.SendBox).FillAsync("who did trump fire?");
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

        var screenshot = await browser.ScreenshotAsync($"webchat-{bundle}");
        await page.Keyboard.PressAsync("Escape");
        var conversation = await browser.ScreenshotAsync($"webchat-{bundle}-conversation");
        _output.WriteLine($"screenshot: {screenshot}");
        _output.WriteLine($"screenshot: {conversation}");
        Console.WriteLine($"Web Chat screenshots: {screenshot} {conversation}");

        Assert.True(browser.Requests > 0);
        Assert.Empty(browser.Foreign);
        Assert.Empty(browser.Failed);
        Assert.DoesNotContain(browser.ConsoleErrors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_WithAnAnswerADeclineAndSuggestedActions_HasNoSeriousAxeViolations_AndWorksByKeyboard()
    {
        using var host = new StoryBotFactory();
        var baseAddress = host.StartKestrel();
        await using var browser = await BrowserPage.OpenAsync(_output);
        var page = browser.Page;
        var botBubbles = await browser.VisitAsync(baseAddress);
        await Assertions.Expect(page.Locator("#webchat")).ToHaveAttributeAsync("data-state", "ready");

        // Keyboard only: from the first link on the page, Tab reaches the send box; Enter sends.
        await page.Locator(".brand").FocusAsync();
        Assert.True(await TabUntilAsync(page, "Tab", "[data-id=\"webchat-sendbox-input\"]", 25), "Tab never reached the send box");
        await page.Keyboard.TypeAsync("who did trump fire?");
        await page.Keyboard.PressAsync("Enter");
        var answer = botBubbles.Filter(new() { HasText = "James Comey" }).Last;
        await Assertions.Expect(answer).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // A decline.
        await page.Keyboard.TypeAsync("what is the population of Canada?");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(botBubbles.Filter(new() { HasText = "The story doesn" }).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".webchat__suggested-actions__button").First).ToBeVisibleAsync();

        Assert.Empty(await SeriousAxeViolationsAsync(page));
        await browser.ScreenshotAsync("webchat-accessibility");

        // Shift+Tab from the send box reaches a suggested action; Enter sends it.
        await page.Locator(BrowserPage.SendBox).FocusAsync();
        var before = await botBubbles.CountAsync();
        Assert.True(await TabUntilAsync(page, "Shift+Tab", ".webchat__suggested-actions__button", 10), "Shift+Tab never reached a suggested action");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(botBubbles).ToHaveCountAsync(before + 1, new() { Timeout = 20_000 });

        // The transcript by keyboard: Shift+Tab from the send box reaches its end ('End of chat
        // history'), arrow keys pick an activity, Enter goes into it, Tab moves within it; on the
        // answer's citation Enter opens the cited sentence.
        var reached = false;
        for (var up = 1; up <= 8 && !reached; up++)
        {
            await page.Locator(BrowserPage.SendBox).FocusAsync();
            Assert.True(await TabUntilAsync(page, "Shift+Tab", ".webchat__basic-transcript__terminator", 15), "Shift+Tab never reached the transcript");
            for (var i = 0; i < up; i++)
            {
                await page.Keyboard.PressAsync("ArrowUp");
            }

            await page.Keyboard.PressAsync("Enter");
            // Tab cycles within the activity: the badge, the references, its entry, and 👍/👎 (answers can be rated).
            reached = await TabUntilAsync(page, "Tab", ".webchat__render-markdown__citation", 5);
            if (!reached)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }

        Assert.True(reached, "the citation badge was never reached by keyboard");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".webchat__citation-modal-dialog")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".webchat__citation-modal-dialog")).ToBeHiddenAsync();
    }

    /// <summary>axe-core (npm, pinned in ClientApp's lockfile), WCAG 2.1 A and AA, over the page as it is: its serious and critical violations.</summary>
    private async Task<AxeViolation[]> SeriousAxeViolationsAsync(IPage page)
    {
        var axe = Path.Combine(StoryBotFactory.RepoRoot, "src", "StoryBot", "ClientApp", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"{axe} is missing: the host's build runs npm ci in ClientApp");
        await page.AddScriptTagAsync(new() { Path = axe });
        var violations = await page.EvaluateAsync<AxeViolation[]>(@"async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
        }");
        foreach (var violation in violations)
        {
            _output.WriteLine($"axe {violation.Impact} {violation.Id}: {violation.Help} ({violation.Targets.Length}: {string.Join(" | ", violation.Targets.Take(3))})");
        }

        return violations.Where(v => v.Impact is "serious" or "critical").ToArray();
    }

    /// <summary>Presses <paramref name="key"/> until the focused element matches <paramref name="selector"/>.</summary>
    private async Task<bool> TabUntilAsync(IPage page, string key, string selector, int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync(key);
            var focused = await page.EvaluateAsync<string>(@"() => { const e = document.activeElement; return e ? (e.tagName + '.' + e.className + ' ' + (e.getAttribute('aria-label') || e.textContent || '').slice(0, 40)) : ''; }");
            _output.WriteLine($"{key} -> {focused}");
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One axe-core rule that failed, as the test reports it.</summary>
    public sealed record AxeViolation(string Id, string Impact, string Help, string[] Targets);

    [Fact]
    public async Task Files_AreCompressed_Fingerprinted_AndCached()
    {
        using var host = new StoryBotFactory();
        using var client = host.CreateClient();

        // The page: the story's title filled in, the build's fingerprinted script names, an ETag.
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Comey firing shakes Washington", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#[", html, StringComparison.Ordinal);
        var bundle = Regex.Match(html, "src=\"(webchat/webchat-lean\\.[a-z0-9]+\\.js)\"").Groups[1].Value;
        Assert.NotEqual(string.Empty, bundle);
        Assert.Matches("src=\"webchat/storybot\\.[a-z0-9]+\\.js\"", html);
        Assert.Matches("<link rel=\"preload\" as=\"script\" href=\"webchat/webchat-markdown\\.[a-z0-9]+\\.js\" data-webchat-markdown>", html);
        Assert.DoesNotContain("webchat/webchat.", html, StringComparison.Ordinal); // only the chosen bundle
        Assert.DoesNotContain("<!--bundle", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, "/", ifNoneMatch: page.Headers.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/index.html")).StatusCode);

        // The bundle under its fingerprinted name: Brotli or gzip as asked, cached for good.
        foreach (var encoding in new[] { "br", "gzip" })
        {
            var response = await GetAsync(client, "/" + bundle, acceptEncoding: encoding);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.True(response.Headers.CacheControl is { MaxAge.TotalDays: > 300 }, $"{response.Headers.CacheControl}");
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            var length = (await response.Content.ReadAsByteArrayAsync()).Length;
            Assert.InRange(length, 100_000, 1_000_000);
        }

        // A file under its plain name is revalidated: 304 for an unchanged ETag.
        var style = await client.GetAsync("/webchat/storybot.css");
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        Assert.NotNull(style.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, "/webchat/storybot.css", ifNoneMatch: style.Headers.ETag)).StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding = null, EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Question_TypedBeforeTheConnectionIsUp_IsSentWhenItIs()
    {
        using var host = new StoryBotFactory();
        var baseAddress = host.StartKestrel();
        await using var browser = await BrowserPage.OpenAsync(_output);
        var page = browser.Page;

        // Hold the conversation (the page's start and the widget's join) until the question is typed, so
        // the send box is there before Direct Line is, however slow the machine.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/v3/directline/conversations(/[^/]+)?(\\?.*)?$"), async route =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await route.ContinueAsync();
        });
        await page.GotoAsync(baseAddress.ToString());

        var sendBox = page.Locator(BrowserPage.SendBox);
        await Assertions.Expect(sendBox).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Equal("connecting", await page.Locator("#webchat").GetAttributeAsync("data-state"));
        await sendBox.FillAsync("who did trump fire?");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Connecting");
        release.SetResult();

        await Assertions.Expect(page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = "who did trump fire?" }))
            .ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(BrowserPage.BotBubble).Filter(new() { HasText = "James Comey" }))
            .ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Equal("ready", await page.Locator("#webchat").GetAttributeAsync("data-state"));
        await Assertions.Expect(page.Locator("#status")).ToBeHiddenAsync();
        Assert.Equal(string.Empty, await sendBox.InputValueAsync());
    }

    [Theory]
    [InlineData("lean", false)]
    [InlineData("full", false)]
    [InlineData("lean", true)]
    public async Task PagesOwnSendBoxAndWelcome_BeforeTheWidgetRuns_SendWhatWasSubmitted_AndHandOverTextCaretAndFocus(string bundle, bool earlyPostFails)
    {
        using var host = new StoryBotFactory(new Dictionary<string, string?> { ["DirectLine:WebChatBundle"] = bundle });
        var baseAddress = host.StartKestrel();
        await using var browser = await BrowserPage.OpenAsync(_output);
        var page = browser.Page;

        // Hold the widget's script until the page's own send box has been used, however fast the machine.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Regex("/webchat/webchat(-lean)?\\.[a-z0-9]+\\.js$"), async route =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await route.ContinueAsync();
        });
        // The page posts a question sent before the widget runs itself; when the network drops that
        // post, the widget sends the question once it is connected.
        var posts = 0;
        if (earlyPostFails)
        {
            await page.RouteAsync(new Regex("/v3/directline/conversations/[^/]+/activities$"), route =>
                route.Request.Method == "POST" && Interlocked.Increment(ref posts) == 1 ? route.AbortAsync() : route.FallbackAsync());
        }

        await page.GotoAsync(baseAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });

        // It has the focus from the first paint: type, Enter, and it says the question is on its way.
        var early = page.Locator("#early-input");
        await Assertions.Expect(early).ToBeFocusedAsync(new() { Timeout = 20_000 });
        Assert.Equal(0, await page.Locator(BrowserPage.SendBox).CountAsync());
        await page.Keyboard.TypeAsync("who did trump fire?");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(earlyPostFails ? "Connecting" : "is sent", new() { Timeout = 20_000 });
        await Assertions.Expect(early).ToHaveValueAsync(string.Empty);

        // The welcome of the conversation the head script started, before the widget: the stand-in's
        // Markdown (the title in italics), hidden from screen readers (the widget's transcript reads it).
        var earlyWelcome = page.Locator(".early-welcome");
        await Assertions.Expect(earlyWelcome).ToContainTextAsync("Hi, I'm StoryBot", new() { Timeout = 20_000 });
        await Assertions.Expect(earlyWelcome.Locator("em")).ToContainTextAsync("Comey firing shakes Washington");
        await Assertions.Expect(earlyWelcome).ToHaveAttributeAsync("aria-hidden", "true");
        Assert.Empty(await SeriousAxeViolationsAsync(page));
        await browser.ScreenshotAsync($"webchat-{bundle}-before-widget");

        // More typed, the caret moved back: the widget's box takes the text, the caret and the focus.
        await page.Keyboard.TypeAsync("and why");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft");
        }

        release.SetResult();
        var sendBox = page.Locator(BrowserPage.SendBox);
        await Assertions.Expect(sendBox).ToHaveValueAsync("and why", new() { Timeout = 20_000 });
        await Assertions.Expect(sendBox).ToBeFocusedAsync();
        Assert.Equal(4, await sendBox.EvaluateAsync<int>("e => e.selectionStart"));
        Assert.Equal(0, await page.Locator("#early-sendbox").CountAsync());
        Assert.Equal(0, await earlyWelcome.CountAsync());

        // The submitted question is sent once Direct Line is up, once, and answered.
        await Assertions.Expect(page.Locator(BrowserPage.BotBubble).Filter(new() { HasText = "James Comey" }))
            .ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#status")).ToBeHiddenAsync();
        Assert.Equal(1, await page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = "who did trump fire?" }).CountAsync());
        Assert.Equal(1, await page.Locator(BrowserPage.BotBubble).Filter(new() { HasText = "Hi, I" }).CountAsync());
        Assert.Equal(earlyPostFails ? 2 : 0, posts); // the dropped post, then the widget's
        await Assertions.Expect(sendBox).ToHaveValueAsync("and why");
        Assert.DoesNotContain(browser.ConsoleErrors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_ThatCannotBeDelivered_ShowsSendFailed_AndRetrySendsIt()
    {
        using var host = new StoryBotFactory();
        var baseAddress = host.StartKestrel();
        await using var browser = await BrowserPage.OpenAsync(_output);
        var page = browser.Page;
        await browser.VisitAsync(baseAddress);

        // The network drops every post of an activity.
        var posts = new System.Text.RegularExpressions.Regex("/v3/directline/conversations/[^/]+/activities$");
        Func<IRoute, Task> drop = route => route.Request.Method == "POST" ? route.AbortAsync() : route.FallbackAsync();
        await page.RouteAsync(posts, drop);
        await page.Locator(BrowserPage.SendBox).FillAsync("who did trump fire?");
        await page.Keyboard.PressAsync("Enter");
        var failed = page.Locator(".webchat__activity-status").Filter(new() { HasText = "Send failed" });
        await Assertions.Expect(failed).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(0, await page.Locator(BrowserPage.BotBubble).Filter(new() { HasText = "James Comey" }).CountAsync());

        // The network is back: Retry delivers it and the bot answers.
        await page.UnrouteAsync(posts, drop);
        await failed.GetByText("Retry").ClickAsync();
        await Assertions.Expect(page.Locator(BrowserPage.BotBubble).Filter(new() { HasText = "James Comey" }))
            .ToBeVisibleAsync(new() { Timeout = 20_000 });
    }
}
