using System.Buffers;
using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace StoryBot.Adapters;

/// <summary>
/// Reads the activity of a POST as the SDK's <see cref="HttpHelper.ReadRequestAsync{T}"/> does — its serializer, null
/// for JSON it cannot read — but from the bytes request validation already holds (<see cref="Hosting.ActivityRequestValidation"/>
/// leaves them in a <see cref="MemoryStream"/>): the SDK copies the body into a stream of its own and reads it through a
/// new StreamReader's buffers, ~9 KB per turn for a body of a few hundred bytes. Any other body goes to the SDK's reader.
/// </summary>
public static class ActivityReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static Task<Activity?> ReadAsync(HttpRequest request)
    {
        if (request.Body is MemoryStream memory && memory.TryGetBuffer(out var buffer) && System.Text.Unicode.Utf8.IsValid(buffer.AsSpan((int)memory.Position)))
        {
            var body = buffer.AsSpan((int)memory.Position);
            memory.Seek(0, SeekOrigin.End); // read to the end, as the SDK's copy leaves it
            return Task.FromResult(Read(body));
        }

        return HttpHelper.ReadRequestAsync<Activity>(request)!;
    }

    /// <summary>The activity in <paramref name="utf8"/>, or null where the SDK's reader gives null (JSON it cannot read as one).</summary>
    internal static Activity? Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..]; // the SDK's StreamReader skips it too
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(utf8))) { MaxDepth = null, ArrayPool = CharPool.Instance };
            return HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON reader's buffer from the shared pool.</summary>
    private sealed class CharPool : IArrayPool<char>
    {
        public static readonly CharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
