using Microsoft.Playwright;
using StoryBot.Tests.DirectLine;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Browser;

/// <summary>
/// The page's own Web Chat bundle (ClientApp/build.mjs) against what the page relies on from the
/// official one: the feedback buttons of a reply that offers them, the Markdown renderer arriving
/// after the first render; and the setting that picks the bundle.
/// </summary>
public sealed class WebChatBundleTests
{
    private readonly ITestOutputHelper _output;

    public WebChatBundleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Reply_OfferingLikeAndDislike_ShowsThumbButtons_AndTheMarkdownScriptRuns()
    {
        using var host = new StoryBotFactory();
        var baseAddress = host.StartKestrel();
        await using var browser = await BrowserPage.OpenAsync(_output);
        var page = browser.Page;

        // The bot's answers carry schema.org Like/Dislike actions on their Message entity (Feedback:Enabled, the default).
        await page.GotoAsync(baseAddress.ToString());

        // The welcome, re-rendered by the full Markdown renderer once its script has run: the story's title
        // in italics, and "I'm" typeset as "I’m" (markdown-it's typographer; the stand-in keeps "I'm").
        var botBubbles = page.Locator(BrowserPage.BotBubble);
        await Assertions.Expect(botBubbles.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("script[data-webchat-markdown]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(botBubbles.First).ToContainTextAsync("I\u2019m StoryBot", new() { Timeout = 20_000 });
        await Assertions.Expect(botBubbles.First.Locator("em")).ToBeVisibleAsync();

        await page.Locator(BrowserPage.SendBox).FillAsync("who did trump fire?");
        await page.Keyboard.PressAsync("Enter");
        var answer = botBubbles.Filter(new() { HasText = "James Comey" }).Last;
        await Assertions.Expect(answer).ToBeVisibleAsync(new() { Timeout = 20_000 });

        var activity = page.Locator(".webchat__stacked-layout").Filter(new() { HasText = "James Comey" }).Last;
        var thumbs = activity.Locator("button.webchat__thumb-button");
        await Assertions.Expect(thumbs).ToHaveCountAsync(2);
        await thumbs.First.ClickAsync();
        await Assertions.Expect(activity.Locator(".webchat__thumb-button--is-pressed")).ToHaveCountAsync(1);
        Assert.Empty(browser.Foreign);
        Assert.DoesNotContain(browser.ConsoleErrors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setting_PicksTheBundle_AndAnUnknownOneStopsTheHost()
    {
        using (var full = new StoryBotFactory(new Dictionary<string, string?> { ["DirectLine:WebChatBundle"] = "full" }))
        {
            var html = await full.CreateClient().GetStringAsync("/");
            Assert.Matches("<script defer src=\"webchat/webchat\\.[a-z0-9]+\\.js\"></script>", html);
            Assert.DoesNotContain("webchat-lean", html, StringComparison.Ordinal);
            Assert.DoesNotContain("webchat-markdown", html, StringComparison.Ordinal);
        }

        using var unknown = new StoryBotFactory(new Dictionary<string, string?> { ["DirectLine:WebChatBundle"] = "minimal" });
        var error = Assert.ThrowsAny<Exception>(() => unknown.CreateClient());
        Assert.Contains("WebChatBundle", error.ToString(), StringComparison.Ordinal);
    }
}
