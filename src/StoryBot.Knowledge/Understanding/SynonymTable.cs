using System.Reflection;
using StoryBot.Knowledge.Indexing;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// A weighted list of general English and news synonyms (fired/sacked/ousted, talks/meeting, top
/// diplomat/foreign minister), loaded from an embedded text file and stemmed with the index's analyser.
/// Entries may be phrases; a match on a group-mate counts less than the user's own word.
/// </summary>
public sealed class SynonymTable
{
    private readonly Dictionary<string, List<(string[] Stems, float Weight)>> _related = new(StringComparer.Ordinal);

    public SynonymTable(IEnumerable<string> lines, StoryAnalyzer stemmer)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            var weight = float.Parse(line[..colon], System.Globalization.CultureInfo.InvariantCulture);
            var members = line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(m => stemmer.Terms(m).ToArray())
                .Where(m => m.Length > 0)
                .DistinctBy(m => string.Join(' ', m))
                .ToList();
            foreach (var member in members)
            {
                var key = string.Join(' ', member);
                MaxPhraseLength = Math.Max(MaxPhraseLength, member.Length);
                if (!_related.TryGetValue(key, out var list))
                {
                    _related[key] = list = new List<(string[], float)>();
                }

                foreach (var other in members.Where(o => !ReferenceEquals(o, member)))
                {
                    var existing = list.FindIndex(e => e.Stems.SequenceEqual(other));
                    if (existing < 0)
                    {
                        list.Add((other, weight));
                    }
                    else if (list[existing].Weight < weight)
                    {
                        list[existing] = (other, weight);
                    }
                }
            }
        }
    }

    /// <summary>The longest phrase (in terms) of any entry.</summary>
    public int MaxPhraseLength { get; private set; } = 1;

    /// <summary>The built-in table (Understanding/Data/news-synonyms.txt).</summary>
    public static SynonymTable LoadDefault(StoryAnalyzer stemmer)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StoryBot.Knowledge.news-synonyms.txt")
            ?? throw new InvalidOperationException("The embedded synonym list is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return new SynonymTable(lines, stemmer);
    }

    public bool Contains(string stemKey) => _related.ContainsKey(stemKey);

    private HashSet<string>? _phraseStarts;

    /// <summary>True when some multi-word entry begins with <paramref name="stem"/>: a cheap test before building phrase keys.</summary>
    public bool StartsPhrase(string stem) =>
        (_phraseStarts ??= _related.Keys.Where(k => k.Contains(' ')).Select(k => k[..k.IndexOf(' ')]).ToHashSet(StringComparer.Ordinal)).Contains(stem);

    /// <summary>Every multi-word entry (as stems) with its group-mates: role phrases such as "top diplomat".</summary>
    public IEnumerable<(string[] Stems, IReadOnlyList<(string[] Stems, float Weight)> Related)> Phrases() =>
        _related.Where(e => e.Key.Contains(' ')).Select(e => (e.Key.Split(' '), (IReadOnlyList<(string[] Stems, float Weight)>)e.Value));

    /// <summary>Group-mates of the stemmed term or phrase <paramref name="stemKey"/> (terms joined by spaces).</summary>
    public IReadOnlyList<(string[] Stems, float Weight)> Related(string stemKey) =>
        _related.TryGetValue(stemKey, out var list) ? list : Array.Empty<(string[], float)>();
}
