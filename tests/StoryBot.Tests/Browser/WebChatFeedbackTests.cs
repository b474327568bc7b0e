using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StoryBot.Cli;
using StoryBot.Feedback;
using StoryBot.Tests.DirectLine;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Browser;

/// <summary>
/// 👎 in the bot's own Web Chat page, in headless Chromium: Web Chat 4.18 draws the thumbs from the reply's
/// schema.org entity and posts its feedback event through the built-in Direct Line endpoint; the rating must
/// land in the store and in the <c>feedback</c> command's report with the right question and citation.
/// </summary>
public sealed class WebChatFeedbackTests
{
    private readonly ITestOutputHelper _output;

    public WebChatFeedbackTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Clicking_thumbs_down_under_an_answer_keeps_the_rating_and_the_feedback_command_reports_it()
    {
        using var folder = new ScratchFolder();
        var log = Path.Combine(folder.Path, "feedback.jsonl");
        using var host = new StoryBotFactory(new Dictionary<string, string?> { ["Feedback:Path"] = log });
        var baseAddress = host.StartKestrel();
        await using var browser = await BrowserPage.OpenAsync(_output);
        var page = browser.Page;
        var botBubbles = await browser.VisitAsync(baseAddress);
        Assert.Equal(0, await page.Locator(".webchat__thumb-button").CountAsync()); // the welcome is not an answer

        await page.Locator(BrowserPage.SendBox).FillAsync("who did trump fire?");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(botBubbles.Filter(new() { HasText = "James Comey" }).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var thumbsDown = page.Locator("button.webchat__thumb-button:has(.webchat__thumb-button__image--is-down)");
        await Assertions.Expect(thumbsDown).ToHaveCountAsync(1);
        await thumbsDown.ClickAsync();
        await Assertions.Expect(thumbsDown).ToHaveAttributeAsync("aria-pressed", "true");

        var store = host.Services.GetRequiredService<IFeedbackStore>();
        var rating = await WaitForRatingAsync(store);
        Assert.Equal(("dislike", "directline", "who did trump fire?", "answer"), (rating.Reaction, rating.Channel, rating.Question, rating.Intent));
        Assert.Equal((8, Repo.ComeySentence), (rating.Citations[0].Sentence, rating.Citations[0].Text));

        await WaitForLineAsync(log); // the store keeps the rating first, the file's copy follows it
        var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Feedback:Path"] = log }).Build();
        var code = await FeedbackCommand.RunAsync([], configuration, Repo.Root, output, new StringWriter());
        _output.WriteLine(output.ToString());
        Assert.Equal(0, code);
        Assert.Contains("dislike ×1: \"who did trump fire?\" (answer", output.ToString());
        Assert.Contains($"cited: ap-2017-05-trump-lavrov paragraph 8, sentence 8: \"{Repo.ComeySentence}\"", output.ToString());
        Assert.Empty(browser.Foreign);
        Assert.DoesNotContain(browser.ConsoleErrors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    /// <summary>The feedback file is appended just after the store keeps the rating; wait for its line before reading it.</summary>
    private static async Task WaitForLineAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && (await File.ReadAllTextAsync(path)).Contains("\"dislike\"", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"no rating reached {path} within 15 s of the store");
    }

    /// <summary>Web Chat posts the event 500 ms after the click (its debounce); give it a few seconds.</summary>
    private static async Task<FeedbackRecord> WaitForRatingAsync(IFeedbackStore store)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if ((await store.ListAsync()).FirstOrDefault(r => r.Reaction != FeedbackReaction.NearTie) is { } rating)
            {
                return rating;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no rating reached the store within 15 s of the click");
    }
}
