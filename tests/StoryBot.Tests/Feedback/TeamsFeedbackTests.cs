using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using StoryBot.Feedback;
using StoryBot.Tests.Reliability;
using StoryBot.Tests.Teams;
using Xunit;

namespace StoryBot.Tests.Feedback;

/// <summary>
/// Teams' 👍/👎 over HTTP against the real host: Megan asks in a personal chat, the answer goes out through a
/// stand-in connector (which names it, like Teams), then Teams posts the documented <c>message/submitAction</c>
/// invoke naming that message. Kept → 200; a forged or malformed one → 4xx with a log line, never a 5xx.
/// </summary>
[Collection(TeamsBotCollection.Name)]
public sealed class TeamsFeedbackTests : IAsyncLifetime
{
    private CapturingConnector _connector = null!;
    private BotHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await CapturingConnector.StartAsync();
        _host = new BotHost(settings: new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty, ["MicrosoftAppPassword"] = string.Empty });
        _http = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_dislike_from_Teams_is_answered_200_kept_with_the_question_and_citation_and_reported()
    {
        var answerId = await AskAsync("who did Trump fire?");

        var (status, _) = await PostAsync(Feedback(answerId));

        Assert.Equal(HttpStatusCode.OK, status);
        var rating = Assert.Single(await Store.ListAsync());
        Assert.Equal(("dislike", "It named the wrong person.", "msteams"), (rating.Reaction, rating.Comment, rating.Channel));
        Assert.Equal(("who did Trump fire?", "answer"), (rating.Question, rating.Intent));
        var cited = Assert.Single(rating.Citations);
        Assert.Equal((8, 8, Repo.ComeySentence, "James Comey"), (cited.Paragraph, cited.Sentence, cited.Text, cited.Span));
        Assert.Equal("ap-2017-05-trump-lavrov", rating.Story);
        Assert.Matches("^[0-9a-f]{32}$", rating.User); // a salted hash, not Megan's ids
        Assert.Matches("^[0-9a-f]{32}$", rating.Conversation);
        Assert.DoesNotContain("eddfa9d4", FeedbackJson.Serialize(rating));
        Assert.DoesNotContain("29:1GcS4", FeedbackJson.Serialize(rating));

        var report = FeedbackReport.Format(await Store.ListAsync(), 90);
        Assert.Contains("dislike ×1: \"who did Trump fire?\" (answer, confidence", report);
        Assert.Contains($"cited: ap-2017-05-trump-lavrov paragraph 8, sentence 8: \"{Repo.ComeySentence}\"", report);
        Assert.Contains("comment: \"It named the wrong person.\"", report);
    }

    [Fact]
    public async Task Her_second_rating_of_the_same_answer_replaces_the_first()
    {
        var answerId = await AskAsync("who did Trump fire?");
        await PostAsync(Feedback(answerId));

        var (status, _) = await PostAsync(Feedback(answerId, json => json["value"]!["actionValue"] = new JObject { ["reaction"] = "like", ["feedback"] = "{\"feedbackText\":\"\"}" }));

        Assert.Equal(HttpStatusCode.OK, status);
        var rating = Assert.Single(await Store.ListAsync());
        Assert.Equal(("like", null), (rating.Reaction, rating.Comment));
    }

    [Fact]
    public async Task Smalltalk_offers_no_thumbs_and_an_answer_does()
    {
        await AskAsync("who did Trump fire?");
        await PostAsync(Message("hello"));
        Assert.True(await _connector.WaitForAsync(r => r.Count == 2, TimeSpan.FromSeconds(10)));

        var replies = _connector.Replies.OrderBy(r => r.Sequence).Select(r => r.Activity).ToList();
        Assert.True((bool?)replies[0]["channelData"]?["feedbackLoopEnabled"]);
        Assert.Null(replies[1]["channelData"]?["feedbackLoopEnabled"]);
    }

    public static TheoryData<string, Action<JObject>> ForgedOrMalformed => new()
    {
        { "a message id the bot never sent", json => json["replyToId"] = "1747000000000" },
        { "the right message id from another conversation", json => json["conversation"]!["id"] = "a:someone-else" },
        { "no replyToId", json => json.Remove("replyToId") },
        { "a reaction that is a number", json => json["value"]!["actionValue"]!["reaction"] = 5 },
        { "a reaction that is not like or dislike", json => json["value"]!["actionValue"]!["reaction"] = "love" },
        { "feedback that is not JSON", json => json["value"]!["actionValue"]!["feedback"] = "{feedbackText: oops" },
        { "feedbackText that is an array", json => json["value"]!["actionValue"]!["feedback"] = "{\"feedbackText\":[1,2]}" },
        { "a comment over the limit", json => json["value"]!["actionValue"]!["feedback"] = new JObject { ["feedbackText"] = new string('x', 2001) }.ToString() },
        { "another actionName", json => json["value"]!["actionName"] = "approve" },
        { "a value that is a string", json => json["value"] = "feedback" },
        { "no value", json => json.Remove("value") },
    };

    [Theory]
    [MemberData(nameof(ForgedOrMalformed))]
    public async Task A_forged_or_malformed_rating_is_refused_with_a_4xx_and_a_log_line_and_nothing_is_kept(string what, Action<JObject> change)
    {
        var answerId = await AskAsync("who did Trump fire?");

        var (status, body) = await PostAsync(Feedback(answerId, change));

        Assert.InRange((int)status, 400, 499);
        Assert.DoesNotContain("   at ", body); // no stack trace
        // no rating kept (a near-tie the answer itself may have left is the bot's own record, not the forged one's)
        Assert.DoesNotContain(await Store.ListAsync(), r => r.Reaction != FeedbackReaction.NearTie);
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Feedback ", StringComparison.Ordinal));
        Assert.Empty(_host.Logs.Errors);
        Assert.Single(_connector.Replies); // the answer only: no "sorry, something went wrong"
        _ = what;
    }

    private IFeedbackStore Store => _host.Services.GetRequiredService<IFeedbackStore>();

    /// <summary>Megan asks; returns the id the connector gave the bot's answer.</summary>
    private async Task<string> AskAsync(string question)
    {
        var before = _connector.Replies.Count;
        var (status, _) = await PostAsync(Message(question));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(await _connector.WaitForAsync(r => r.Count > before, TimeSpan.FromSeconds(10)), "the answer never reached the connector");
        return _connector.Replies.OrderBy(r => r.Sequence).Last().ReturnedId;
    }

    private JObject Message(string text)
    {
        var json = Payloads.Load("personal-message");
        json["text"] = text;
        json["id"] = Guid.NewGuid().ToString("N");
        json["serviceUrl"] = _connector.ServiceUrl;
        return json;
    }

    private JObject Feedback(string replyToId, Action<JObject>? change = null)
    {
        var json = Payloads.Load("personal-feedback-submit-action");
        json["replyToId"] = replyToId;
        json["serviceUrl"] = _connector.ServiceUrl;
        change?.Invoke(json);
        return json;
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(JObject activity)
    {
        using var response = await _http.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
