namespace StoryBot.Knowledge.Analysis;

/// <summary>
/// Place names and their equivalents (country, demonym, capital, metonyms: Kremlin ~ Russia), so "Tehran"
/// finds Iran and a where-question can tell a place from a person.
/// </summary>
public static class KnownPlaces
{
    private static readonly string[][] Groups =
    {
        new[] { "united states", "us", "u.s.", "usa", "u.s.a.", "america", "american", "americans", "washington", "white house" },
        new[] { "russia", "russian", "russians", "moscow", "kremlin" },
        new[] { "syria", "syrian", "syrians", "damascus" },
        new[] { "iran", "iranian", "iranians", "tehran" },
        new[] { "turkey", "turkish", "turks", "ankara" },
        new[] { "united kingdom", "uk", "u.k.", "britain", "british", "london", "england", "english" },
        new[] { "china", "chinese", "beijing" },
        new[] { "france", "french", "paris" },
        new[] { "germany", "german", "germans", "berlin" },
        new[] { "ukraine", "ukrainian", "kyiv", "kiev" },
        new[] { "israel", "israeli", "jerusalem" },
        new[] { "iraq", "iraqi", "baghdad" },
        new[] { "australia", "australian", "canberra" },
        new[] { "japan", "japanese", "tokyo" },
        new[] { "north korea", "pyongyang" },
    };

    private static readonly Dictionary<string, string[]> Equivalence = Build();

    private static readonly HashSet<string> PlaceNames = new(StringComparer.Ordinal)
    {
        "washington", "moscow", "damascus", "tehran", "ankara", "london", "beijing", "paris", "berlin", "kyiv", "kiev",
        "jerusalem", "baghdad", "canberra", "tokyo", "pyongyang", "russia", "syria", "iran", "turkey", "america", "us", "u.s.",
        "usa", "united states", "britain", "china", "france", "germany", "ukraine", "israel", "iraq", "australia", "japan",
        "white house", "kremlin", "pentagon", "new york", "europe", "asia", "africa", "middle east",
    };

    /// <summary>True when <paramref name="lower"/> names a place (not a demonym).</summary>
    public static bool IsPlace(string lower) => PlaceNames.Contains(lower);

    /// <summary>True when <paramref name="lower"/> is a place or a demonym ("Russian").</summary>
    public static bool IsPlaceOrDemonym(string lower) => Equivalence.ContainsKey(lower) || PlaceNames.Contains(lower);

    /// <summary>Other surface forms of the same place, lower-case; empty when unknown.</summary>
    public static IReadOnlyList<string> Equivalents(string lower) =>
        Equivalence.TryGetValue(lower, out var forms) ? forms : Array.Empty<string>();

    private static Dictionary<string, string[]> Build()
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            foreach (var form in group)
            {
                map[form] = group.Where(f => f != form).ToArray();
            }
        }

        return map;
    }
}
