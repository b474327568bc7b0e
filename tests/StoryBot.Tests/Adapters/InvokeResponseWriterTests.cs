using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StoryBot.Adapters;
using Xunit;

namespace StoryBot.Tests.Adapters;

/// <summary>The pooled writer against the form it replaced (a new stream and writer per reply, kept here): the same bytes, reply after reply.</summary>
public class InvokeResponseWriterTests
{
    [Fact]
    public async Task Writes_the_bytes_a_new_stream_and_writer_wrote_for_replies_large_and_small_one_after_another()
    {
        var bodies = new object[]
        {
            Replies(40, Repo.ComeySentence), // larger than the pooled buffer's first size
            Replies(1, "short"),
            new { status = "kept" },
            Replies(3, Repo.FlynnSentence + " \"quoted\" \\ tab\t line\n\n> *bold* [1] 😀 \u2028"),
            Replies(0, string.Empty),
        };

        foreach (var body in bodies.Concat(bodies))
        {
            var response = new DefaultHttpContext().Response;
            var stream = new MemoryStream();
            response.Body = stream;

            await InvokeResponseWriter.WriteAsync(response, new InvokeResponse { Status = 200, Body = body }, CancellationToken.None);

            var expected = WriteBefore(body);
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(stream.ToArray()));
            Assert.Equal(expected.Length, response.ContentLength);
            Assert.Equal("application/json", response.ContentType);
        }
    }

    [Fact]
    public async Task A_response_without_a_body_is_only_a_status()
    {
        var response = new DefaultHttpContext().Response;
        response.Body = new MemoryStream();

        await InvokeResponseWriter.WriteAsync(response, new InvokeResponse { Status = 404 }, CancellationToken.None);
        Assert.Equal(404, response.StatusCode);
        Assert.Equal(0, response.Body.Length);

        await InvokeResponseWriter.WriteAsync(response, null, CancellationToken.None);
        Assert.Equal(200, response.StatusCode);
    }

    private static ExpectedReplies Replies(int count, string text) => new(Enumerable.Range(0, count).Select(i =>
    {
        var reply = MessageFactory.Text($"{i}: {text}");
        reply.Entities = new List<Entity> { new("storybot.reply") { Properties = new JObject { ["text"] = text, ["confidence"] = 0.5 + i, ["n"] = i } } };
        reply.Timestamp = DateTimeOffset.UnixEpoch.AddDays(i);
        return (Activity)reply;
    }).ToList());

    /// <summary>The form before the pooled buffer: a new stream, writer and JSON writer per reply.</summary>
    private static byte[] WriteBefore(object body)
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false, false), bufferSize: 1024, leaveOpen: true))
        using (var json = new JsonTextWriter(writer))
        {
            serializer.Serialize(json, body);
        }

        return buffer.ToArray();
    }
}
