namespace StoryBot.Hosting;

/// <summary>
/// Reads a request body into one array, up to a limit: the host's only body reader (activity validation
/// on <c>/api/messages</c> and the Direct Line endpoint both use it), so a chunked body without a
/// <c>Content-Length</c> is cut off the same way everywhere and never buffered past the limit.
/// </summary>
public static class BoundedBodyReader
{
    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="limit"/> bytes (by its
    /// <c>Content-Length</c>, while reading, or because the server's own limit stopped it).
    /// </summary>
    public static async Task<ArraySegment<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // One byte more than a declared length, so the read that finds the end needs no second array.
        var buffer = new byte[request.ContentLength is { } declared ? (int)declared + 1 : Math.Min(limit + 1, 16 * 1024)];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(limit + 1L, buffer.Length * 2L));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ArraySegment<byte>(buffer, 0, length);
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        catch (IOException)
        {
            return null; // Kestrel's MaxRequestBodySize (the same limit) ended the body
        }
    }
}
