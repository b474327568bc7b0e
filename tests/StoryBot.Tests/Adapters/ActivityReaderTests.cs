using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using StoryBot.Adapters;
using Xunit;

namespace StoryBot.Tests.Adapters;

/// <summary><see cref="ActivityReader"/> against the SDK's <see cref="HttpHelper.ReadRequestAsync{T}"/> on real and broken bodies: the same activity, or null for both.</summary>
public class ActivityReaderTests
{
    public static TheoryData<string> Bodies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", "StoryBot.Tests", "Teams", "Payloads"), "*.json"))
        {
            data.Add(File.ReadAllText(file));
        }

        const string LoadTest = """{"type":"message","id":"c1-3","timestamp":"2026-11-25T12:00:00.000Z","channelId":"emulator","serviceUrl":"http://localhost:9/","from":{"id":"u","name":"User","role":"user"},"recipient":{"id":"storybot","name":"StoryBot","role":"bot"},"conversation":{"id":"c1"},"locale":"en-US","deliveryMode":"expectReplies","text":"who did Trump fire?"}""";
        data.Add(LoadTest);
        data.Add("\uFEFF" + LoadTest); // a UTF-8 byte order mark
        data.Add(LoadTest.Replace("who did Trump fire?", "naïve “quotes” 😀 \\u00e9 \\n line", StringComparison.Ordinal));
        data.Add("""{"type":"message","timestamp":"not a date"}""");
        data.Add("""{"type":"message","entities":{"not":"an array"}}""");
        data.Add("""{"type":"message","localTimestamp":"2026-11-25T12:00:00+02:00","value":{"a":[1,2.5,true,null]}}""");
        data.Add("[1,2]");
        data.Add("{\"type\":");
        data.Add("null");
        data.Add(string.Empty);
        data.Add("  \n  {\"type\":\"event\",\"name\":\"webchat/join\"}  ");
        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Reads_what_the_SDKs_reader_reads(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        var expected = await HttpHelper.ReadRequestAsync<Activity>(Request(new MemoryStream(bytes)));
        var request = Request(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true));
        var read = await ActivityReader.ReadAsync(request);

        Assert.Equal(Json(expected), Json(read));
        Assert.Equal(bytes.Length, request.Body.Position);
    }

    [Fact]
    public async Task A_body_that_is_not_in_memory_goes_to_the_SDKs_reader()
    {
        var body = new BufferedStream(new MemoryStream(Encoding.UTF8.GetBytes("""{"type":"message","text":"hi"}""")));

        var read = await ActivityReader.ReadAsync(Request(body));

        Assert.Equal("hi", read?.Text);
    }

    private static HttpRequest Request(Stream body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        return context.Request;
    }

    private static string Json(Activity? activity) => activity is null ? "null" : JsonConvert.SerializeObject(activity, HttpHelper.BotMessageSerializerSettings);
}
