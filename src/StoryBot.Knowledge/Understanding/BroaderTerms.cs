using System.Collections.Concurrent;
using StoryBot.Knowledge.Lexicon;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// What a noun is a kind of, by WordNet's broader terms within <see cref="Hops"/> steps (driver → worker, visitor →
/// traveler → person): a story often counts the kind ("4,200 bus drivers") where a question names the class ("how many
/// workers"). Further up, other senses reach everything (piece → … → individual).
/// </summary>
public static class BroaderTerms
{
    /// <summary>How many hypernym steps may lie between a noun and what it is a kind of.</summary>
    public const int Hops = 2;

    // Words recur across questions and sentences: each is looked up in WordNet once per process.
    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> Known = new(StringComparer.Ordinal);

    /// <summary>The lemmas <paramref name="lowerWord"/> (lower case, any inflection) is a kind of; empty for a word WordNet does not know.</summary>
    public static IReadOnlySet<string> Of(string lowerWord) => Known.GetOrAdd(lowerWord, Collect);

    private static IReadOnlySet<string> Collect(string word)
    {
        var lexicon = EnglishLexicon.Shared;
        var broader = new HashSet<string>(StringComparer.Ordinal);
        if (!lexicon.IsWord(word))
        {
            return broader;
        }

        var frontier = new List<string> { word };
        var seen = new HashSet<string>(StringComparer.Ordinal) { word };
        for (var hop = 0; hop < Hops && frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            foreach (var term in frontier)
            {
                foreach (var related in lexicon.Related(term))
                {
                    if (related.Relation == WordRelation.Hypernym && seen.Add(related.Word))
                    {
                        broader.Add(related.Word);
                        next.Add(related.Word);
                    }
                }
            }

            frontier = next;
        }

        return broader;
    }
}
