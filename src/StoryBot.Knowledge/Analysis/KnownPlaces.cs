using StoryBot.Knowledge.Lexicon;

namespace StoryBot.Knowledge.Analysis;

/// <summary>
/// Place names and their equivalents (country, demonym, capital, metonyms: Kremlin ~ Russia) from the
/// offline <see cref="PlaceGazetteer"/>, so "Tehran" finds Iran and a where-question can tell a place
/// from a person.
/// </summary>
public static class KnownPlaces
{
    private static readonly HashSet<string> Extra = new(StringComparer.Ordinal) { "white house", "pentagon", "capitol", "europe", "asia", "africa", "middle east" };

    /// <summary>True when <paramref name="lower"/> names a place (a country, capital or metonym; not a demonym).</summary>
    public static bool IsPlace(string lower)
    {
        if (Extra.Contains(lower))
        {
            return true;
        }

        if (!PlaceGazetteer.Shared.TryGetPlace(lower, out var place))
        {
            return false;
        }

        var norm = PlaceGazetteer.NormalizeTerm(lower);
        return !place.Demonyms.Any(d => PlaceGazetteer.NormalizeTerm(d) == norm);
    }

    private static HashSet<string>? _phraseStarts;

    /// <summary>True when some multi-word place name begins with <paramref name="lowerWord"/> ("united", "white").</summary>
    public static bool StartsPlaceName(string lowerWord) =>
        (_phraseStarts ??= PlaceGazetteer.Shared.Places.SelectMany(p => p.SurfaceForms).Concat(Extra).Concat(new[] { "the" })
            .Where(f => f.Contains(' ')).Select(f => f[..f.IndexOf(' ')]).ToHashSet(StringComparer.Ordinal)).Contains(lowerWord);

    /// <summary>True when <paramref name="lower"/> is a place or a demonym ("Russian").</summary>
    public static bool IsPlaceOrDemonym(string lower) => Extra.Contains(lower) || PlaceGazetteer.Shared.TryGetPlace(lower, out _);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> Cache = new(StringComparer.Ordinal);

    /// <summary>The most words <see cref="Equivalents"/> remembers; beyond it a word is looked up each time.</summary>
    private const int MaxCached = 100_000;

    /// <summary>Other lower-case surface forms of the same place; empty when unknown.</summary>
    /// <remarks>
    /// A word already seen is answered without counting the cache: <c>ConcurrentDictionary.Count</c> takes every one of
    /// its locks, and this is called for every word of every question (it was most of <c>QuestionEntityKeys</c>).
    /// </remarks>
    public static IReadOnlyList<string> Equivalents(string lower) =>
        Cache.TryGetValue(lower, out var known) ? known : Cache.Count < MaxCached ? Cache.GetOrAdd(lower, Lookup) : Lookup(lower);

    private static IReadOnlyList<string> Lookup(string lower)
    {
        if (lower is "us" or "u.s" or "u.s.")
        {
            lower = "united states";
        }

        // Most words and n-grams of a question are no place: answer those from the one lookup, without
        // normalising twice and building an empty list (called for every n-gram of every question).
        if (!PlaceGazetteer.Shared.TryGetPlace(lower, out var place))
        {
            return Array.Empty<string>();
        }

        var norm = PlaceGazetteer.NormalizeTerm(lower);
        return place.SurfaceForms.Where(e => e != norm && e != lower).Distinct().ToList();
    }
}
