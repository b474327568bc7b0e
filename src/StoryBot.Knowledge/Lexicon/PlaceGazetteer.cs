using System.Globalization;
using System.Text;

namespace StoryBot.Knowledge.Lexicon;

/// <summary>
/// Every country with its names, demonyms, capitals and common news metonyms, generated offline
/// (tools/lexicon), so place mentions in questions and story text can be matched however they
/// are worded: "tehran", "iranian" and "iran" are one place. Lookups take single or multiword
/// terms ("united states", "white house"); see <see cref="NormalizeTerm"/> for what is tolerated.
/// Immutable after load and safe to share between threads.
/// </summary>
public sealed class PlaceGazetteer
{
    private static readonly Lazy<PlaceGazetteer> s_shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Place> _byForm;

    private PlaceGazetteer(IReadOnlyList<Place> places, Dictionary<string, Place> byForm, int maxTermWords)
    {
        Places = places;
        _byForm = byForm;
        MaxTermWords = maxTermWords;
    }

    /// <summary>The process-wide gazetteer, loaded from embedded resources on first use.</summary>
    public static PlaceGazetteer Shared => s_shared.Value;

    /// <summary>All places, UN members first.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>The most words in any surface form: the longest n-gram worth looking up.</summary>
    public int MaxTermWords { get; }

    /// <summary>
    /// Finds the place a term names. The term is normalised first, so "U.S.", "the Kremlin",
    /// "Russia's" and "Türkiye" are found. Note "us" is also the pronoun: callers should only
    /// look it up when the original text was upper case.
    /// </summary>
    public bool TryGetPlace(string lowerTerm, out Place place)
    {
        place = null!;
        if (string.IsNullOrWhiteSpace(lowerTerm))
        {
            return false;
        }

        // A term already in normal form would only be looked up again (and NormalizeTerm allocates twice per miss).
        if (_byForm.TryGetValue(lowerTerm, out Place? exact) || (!IsNormal(lowerTerm) && _byForm.TryGetValue(NormalizeTerm(lowerTerm), out exact)))
        {
            place = exact;
            return true;
        }

        return false;
    }

    /// <summary>
    /// All lower-case surface forms of the place <paramref name="lowerTerm"/> names (itself
    /// included), e.g. "tehran" → iran, iranian, iranians, tehran, persia ...; empty if no place.
    /// </summary>
    public IEnumerable<string> Equivalents(string lowerTerm) =>
        TryGetPlace(lowerTerm, out Place place) ? place.SurfaceForms : [];

    /// <summary>
    /// The key form used for lookups: lower case, diacritics removed, curly apostrophes
    /// straightened, a trailing possessive and a leading "the" dropped, dots removed, hyphens as
    /// spaces, whitespace collapsed ("The U.S.'s" → "us", "Guinea-Bissau" → "guinea bissau").
    /// </summary>
    /// <summary>
    /// Whether <see cref="NormalizeTerm"/> would return <paramref name="term"/> unchanged, checked without allocating:
    /// lower-case ASCII letters and digits in words joined by single spaces, not starting with "the ".
    /// </summary>
    internal static bool IsNormal(string term)
    {
        if (term.Length == 0 || term.StartsWith("the ", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < term.Length; i++)
        {
            var c = term[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                continue;
            }

            if (c == ' ' && i > 0 && i < term.Length - 1 && term[i - 1] != ' ')
            {
                continue;
            }

            return false;
        }

        return true;
    }

    public static string NormalizeTerm(string term)
    {
        string decomposed = term.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '.')
            {
                continue;
            }

            char mapped = c switch
            {
                '\u2019' or '\u2018' => '\'',
                '-' or '\u2010' or '\u2011' or '\u2013' or '\u2014' or '_' or ',' => ' ',
                _ => char.IsWhiteSpace(c) ? ' ' : c,
            };
            if (mapped == ' ' && (sb.Length == 0 || sb[^1] == ' '))
            {
                continue;
            }

            sb.Append(mapped);
        }

        string s = sb.ToString().TrimEnd();
        if (s.EndsWith("'s", StringComparison.Ordinal))
        {
            s = s[..^2];
        }
        else if (s.EndsWith('\''))
        {
            s = s[..^1];
        }

        if (s.StartsWith("the ", StringComparison.Ordinal) && s.Length > 4)
        {
            s = s[4..];
        }

        return s;
    }

    /// <summary>Reads a fresh instance; production code uses <see cref="Shared"/>.</summary>
    internal static PlaceGazetteer Load()
    {
        byte[] data = LexiconResources.ReadAll("places.tsv");
        var places = new List<Place>(256);
        foreach (string line in Encoding.UTF8.GetString(data).Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.TrimEnd('\r').Split('\t');
            if (f.Length != 5)
            {
                throw new InvalidDataException($"places.tsv: expected 5 columns in '{line}'.");
            }

            string[] names = SplitList(f[1]);
            string[] demonyms = SplitList(f[2]);
            string[] capitals = SplitList(f[3]);
            string[] aliases = SplitList(f[4]);
            string[] forms = names.Concat(demonyms).Concat(capitals).Concat(aliases)
                .Select(NormalizeTerm)
                .Where(s => s.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            places.Add(new Place(f[0], names[0], names, demonyms, capitals, aliases, forms));
        }

        // A form shared by two places goes to the stronger claim: names, then hand-written
        // aliases, then capitals, then demonyms; within each, file order (UN members first).
        var byForm = new Dictionary<string, Place>(places.Count * 12, StringComparer.Ordinal);
        Func<Place, IReadOnlyList<string>>[] passes = [p => p.Names, p => p.Aliases, p => p.Capitals, p => p.Demonyms];
        foreach (Func<Place, IReadOnlyList<string>> pass in passes)
        {
            foreach (Place place in places)
            {
                foreach (string form in pass(place))
                {
                    string key = NormalizeTerm(form);
                    if (key.Length > 0)
                    {
                        byForm.TryAdd(key, place);
                    }
                }
            }
        }

        int maxWords = byForm.Keys.Max(k => k.Count(c => c == ' ') + 1);
        return new PlaceGazetteer(places, byForm, maxWords);
    }

    private static string[] SplitList(string column) =>
        column.Length == 0 ? [] : column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
