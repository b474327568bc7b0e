namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The first few items of a stable descending order by key — what <c>OrderByDescending(key).Take(n)</c> picks, earlier
/// items first among equal keys — by insertion into the caller's span instead of sorting every item. Answering needs
/// only the first few of two orders on every question: the sentences nearest the question's embedding, and each
/// concept's heaviest wordings.
/// </summary>
internal static class StableTop
{
    /// <summary>Fills <paramref name="into"/> with the first items of the order and returns how many it filled.</summary>
    public static int Fill<TKeys>(in TKeys keys, Span<int> into)
        where TKeys : struct, IOrderKeys
    {
        var count = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (!keys.Includes(i))
            {
                continue;
            }

            var key = keys.Key(i);
            var at = count;
            while (at > 0 && keys.Key(into[at - 1]).CompareTo(key) < 0)
            {
                at--; // an earlier item with an equal key stays ahead
            }

            if (at >= into.Length)
            {
                continue;
            }

            for (var k = Math.Min(count, into.Length - 1); k > at; k--)
            {
                into[k] = into[k - 1];
            }

            into[at] = i;
            count = Math.Min(count + 1, into.Length);
        }

        return count;
    }
}
