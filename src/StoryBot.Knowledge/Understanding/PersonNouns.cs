using System.Collections.Concurrent;
using StoryBot.Knowledge.Lexicon;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Whether a common noun names people ("visitors", "workers", "passengers"): "how many people visit the museum" is
/// answered by "about 60,000 visitors". A noun counts when it is one of the word lists' nouns for groups of people or
/// for a person, or when WordNet makes it a kind of person within <see cref="Hops"/> broader terms (visitor → traveler →
/// person); further up, other senses reach "person" too (piece → … → individual).
/// </summary>
public static class PersonNouns
{
    /// <summary>How many hypernym steps may lie between the noun and "person".</summary>
    private const int Hops = 2;

    private static readonly string[] PersonLemmas = { "person", "individual", "someone" };

    // Words recur across questions and sentences: each is looked up in WordNet once per process.
    private static readonly ConcurrentDictionary<string, bool> Known = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="lowerWord"/> (lower case, any inflection) names people.</summary>
    public static bool IsPeople(string lowerWord) =>
        WordLists.GroupNouns.Contains(lowerWord) || WordLists.TypeWords(QuestionType.Who).Contains(lowerWord) || Known.GetOrAdd(lowerWord, Reaches);

    private static bool Reaches(string word)
    {
        var lexicon = EnglishLexicon.Shared;
        if (!lexicon.IsWord(word))
        {
            return false;
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
                    if (related.Relation != WordRelation.Hypernym || !seen.Add(related.Word))
                    {
                        continue;
                    }

                    if (PersonLemmas.Contains(related.Word))
                    {
                        return true;
                    }

                    next.Add(related.Word);
                }
            }

            frontier = next;
        }

        return false;
    }
}
