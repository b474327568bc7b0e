using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Lexicon;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Spells right the words of a short chat message typed in a hurry ("thnaks", "helo"): a word that is not English
/// is read as the one word of the smalltalk examples a single edit away. Only for messages of a few words, where a
/// typo is the whole message; the story's own words are spelt right elsewhere (the question analyser's corrections).
/// The vocabulary is the examples' English words (<c>Data/smalltalk-examples.tsv</c>), so it grows with them and needs no list.
/// </summary>
public static class ChatSpelling
{
    /// <summary>Longer messages are questions or statements, whose unknown words are names and story words.</summary>
    public const int MaxWords = 3;

    // Shorter words are too near too many others ("ty", "yo", "thx") to guess at; shorthand covers them.
    private const int MinLength = 4;

    private static readonly Lazy<string[]> Vocabulary = new(() => SmalltalkDetector.Examples()
        .SelectMany(e => IntentClassifier.Normalize(e.Text).Split(' '))
        .Where(w => w.Length >= MinLength && w.All(char.IsLetter) && (EnglishLexicon.Shared.IsWord(w) || WordLists.FunctionWords.Contains(w)))
        .Distinct(StringComparer.Ordinal)
        .OrderBy(w => w, StringComparer.Ordinal)
        .ToArray());

    private static readonly Lazy<HashSet<string>> Known = new(() => Vocabulary.Value.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The example word <paramref name="word"/> (lower case) is a misspelling of, or null: it must not be an English
    /// word, a function word, a question word ("when" is no slip for "then"; WordNet lists no question words) or
    /// shorthand, and one example word must lie one edit (Damerau) away — or, of several,
    /// exactly one by the commonest slips of fast typing: two letters swapped or a double letter typed once or a
    /// letter twice ("helo" is hello, not help).
    /// </summary>
    public static string? Fix(string word)
    {
        if (word.Length < MinLength || !word.All(char.IsLetter) || Known.Value.Contains(word) || WordLists.FunctionWords.Contains(word)
            || StopWordSets.Question.Contains(word) || Slang.IsShorthand(word) || EnglishLexicon.Shared.IsWord(word))
        {
            return null;
        }

        var near = Vocabulary.Value.Where(c => Math.Abs(c.Length - word.Length) <= 1 && EditDistance.Damerau(word, c, 1) <= 1).ToList();
        if (near.Count > 1)
        {
            near = near.Where(c => Swapped(word, c) || Doubled(word, c) || Doubled(c, word)).ToList();
        }

        return near.Count == 1 ? near[0] : null;
    }

    // Same letters, two neighbours swapped ("thnaks" / thanks).
    private static bool Swapped(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..];
    }

    // The longer is the shorter with one of its letters typed twice ("hello" / helo).
    private static bool Doubled(string longer, string shorter)
    {
        if (longer.Length != shorter.Length + 1)
        {
            return false;
        }

        for (var i = 1; i < longer.Length; i++)
        {
            if (longer[i] == longer[i - 1] && longer.Remove(i, 1) == shorter)
            {
                return true;
            }
        }

        return false;
    }
}
