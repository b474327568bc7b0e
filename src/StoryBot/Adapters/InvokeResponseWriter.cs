using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.ObjectPool;
using Newtonsoft.Json;

namespace StoryBot.Adapters;

/// <summary>
/// Writes a turn's <see cref="InvokeResponse"/> (the replies of an <c>expectReplies</c> turn, an invoke's answer) the
/// way the SDK's <see cref="HttpHelper.WriteResponseAsync"/> does — its serializer settings, status, content type —
/// but without indentation and with a Content-Length: the SDK writes every reply indented, about a fifth more bytes
/// to produce and send (docs/performance.md). The JSON carries the same values; only whitespace differs. The buffer it
/// is written into (and its writer) is pooled: a new one per reply grew through six sizes to hold a few KB, about a
/// fifth of what a turn over HTTP allocated.
/// </summary>
public static class InvokeResponseWriter
{
    private static readonly JsonSerializer Serializer = CreateSerializer();

    private static readonly ObjectPool<ReplyBuffer> Buffers = new DefaultObjectPool<ReplyBuffer>(new ReplyBuffer.Policy(), Environment.ProcessorCount * 4);

    public static async Task WriteAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is null)
        {
            return;
        }

        response.ContentType = "application/json";
        var buffer = Buffers.Get();
        var json = buffer.Write(Serializer, invokeResponse.Body); // a body that fails to serialise leaves its buffer to the GC
        try
        {
            response.ContentLength = json.Length;
            await response.Body.WriteAsync(json, cancellationToken);
        }
        finally
        {
            Buffers.Return(buffer); // the response body has taken the bytes (or failed) once the write is done
        }
    }

    private static JsonSerializer CreateSerializer()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        return serializer;
    }

    /// <summary>A memory stream and the UTF-8 writer over it, kept between replies.</summary>
    private sealed class ReplyBuffer
    {
        /// <summary>A buffer grown beyond this by an unusually large reply is dropped rather than kept.</summary>
        private const int MaxKeptBytes = 256 * 1024;

        private readonly MemoryStream _stream = new(4096);
        private readonly StreamWriter _writer;

        public ReplyBuffer() => _writer = new StreamWriter(_stream, new UTF8Encoding(false, false), bufferSize: 1024, leaveOpen: true);

        /// <summary>Serialises <paramref name="body"/>; the bytes stay valid until the buffer is returned.</summary>
        public ReadOnlyMemory<byte> Write(JsonSerializer serializer, object body)
        {
            _stream.SetLength(0);
            using (var json = new JsonTextWriter(_writer) { CloseOutput = false })
            {
                serializer.Serialize(json, body);
            }

            _writer.Flush();
            return _stream.GetBuffer().AsMemory(0, (int)_stream.Length);
        }

        public sealed class Policy : IPooledObjectPolicy<ReplyBuffer>
        {
            public ReplyBuffer Create() => new();

            public bool Return(ReplyBuffer buffer) => buffer._stream.Capacity <= MaxKeptBytes;
        }
    }
}
