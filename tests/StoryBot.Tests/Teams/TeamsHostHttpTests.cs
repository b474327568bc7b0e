using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using StoryBot.Knowledge;
using Xunit;

namespace StoryBot.Tests.Teams;

/// <summary>
/// The same Teams channel payload posted to the real host's <c>/api/messages</c> over HTTP, with
/// <c>deliveryMode: expectReplies</c> so the reply comes back in the response body.
/// </summary>
[Collection(TeamsBotCollection.Name)] // not in parallel with the other bot tests: the machine is small
public sealed class TeamsHostHttpTests
{
    [Fact]
    public async Task A_channel_mention_posted_to_the_host_is_answered_in_the_thread()
    {
        using var index = new TempDir();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Story:IndexPath", index.Path);
            web.UseSetting("MicrosoftAppId", string.Empty);
            web.UseSetting("MicrosoftAppPassword", string.Empty);
        });
        using var http = factory.CreateClient();
        Assert.Equal(Path.GetFullPath(index.Path), factory.Services.GetRequiredService<StoryKnowledge>().Index.Path); // not the repo's index/

        var incoming = Payloads.Load("channel-message-mention");
        incoming["deliveryMode"] = "expectReplies";
        using var response = await http.PostAsync("/api/messages", new StringContent(incoming.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.IsType<JObject>(Assert.Single((JArray)body["activities"]!));
        Assert.Contains("Trump on Tuesday abruptly fired FBI Director **James Comey**", Wire.Text(reply));
        Assert.DoesNotMatch(@"\[\d+\]", Wire.Text(reply));
        Assert.Empty(Wire.Entities(reply, Wire.SchemaOrgMessage));
        Assert.Equal("answer", (string?)Wire.StoryBotReply(reply)?["intent"]);
        Assert.Equal((string?)incoming["conversation"]!["id"], (string?)reply["conversation"]?["id"]);
        Assert.Equal((string?)incoming["id"], (string?)reply["replyToId"]);
    }
}
