using System.Text;
using Microsoft.AspNetCore.Http;
using StoryBot.Hosting;
using Xunit;

namespace StoryBot.Tests.Hosting;

/// <summary>The host's one body reader: whole bodies come back intact, anything over the limit is refused.</summary>
public sealed class BoundedBodyReaderTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(100, false)]
    [InlineData(40_000, false)] // chunked: several reads and a grown buffer
    [InlineData(1024, true)] // exactly the limit
    public async Task A_body_within_the_limit_is_returned_whole(int size, bool declareLength)
    {
        var body = Encoding.ASCII.GetBytes(new string('x', size));
        var read = await BoundedBodyReader.ReadAsync(Request(body, declareLength), Math.Max(size, 1024), CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(body, read!.Value.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_refused(bool declareLength)
    {
        var body = new byte[1025];
        Assert.Null(await BoundedBodyReader.ReadAsync(Request(body, declareLength), 1024, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_the_server_cut_off_is_refused()
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new FailingStream();
        Assert.Null(await BoundedBodyReader.ReadAsync(context.Request, 1024, CancellationToken.None));
    }

    private static HttpRequest Request(byte[] body, bool declareLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new TrickleStream(body); // at most 7,000 bytes per read, like a chunked upload
        context.Request.ContentLength = declareLength ? body.Length : null;
        return context.Request;
    }

    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7_000)], cancellationToken);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("Request body too large.");
    }
}
