namespace StoryBot.Knowledge.Lexicon;

/// <summary>
/// WordNet's suffix-detachment table (morph.c, used by "morphy"): inflected ending → base ending
/// per part of speech. Candidates are only accepted if the result is a lemma of that POS.
/// </summary>
internal static class MorphyRules
{
    internal static readonly (WordPos Pos, string Suffix, string Ending)[] Detachments =
    [
        (WordPos.Noun, "s", ""),
        (WordPos.Noun, "ses", "s"),
        (WordPos.Noun, "xes", "x"),
        (WordPos.Noun, "zes", "z"),
        (WordPos.Noun, "ches", "ch"),
        (WordPos.Noun, "shes", "sh"),
        (WordPos.Noun, "men", "man"),
        (WordPos.Noun, "ies", "y"),
        (WordPos.Verb, "s", ""),
        (WordPos.Verb, "ies", "y"),
        (WordPos.Verb, "es", "e"),
        (WordPos.Verb, "es", ""),
        (WordPos.Verb, "ed", "e"),
        (WordPos.Verb, "ed", ""),
        (WordPos.Verb, "ing", "e"),
        (WordPos.Verb, "ing", ""),
        (WordPos.Adjective, "er", ""),
        (WordPos.Adjective, "est", ""),
        (WordPos.Adjective, "er", "e"),
        (WordPos.Adjective, "est", "e"),
    ];

    /// <summary>Parts of speech in the order morphy tries them.</summary>
    internal static readonly WordPos[] PartsOfSpeech = [WordPos.Noun, WordPos.Verb, WordPos.Adjective, WordPos.Adverb];

    internal static WordPos FromLetter(char c) => c switch
    {
        'n' => WordPos.Noun,
        'v' => WordPos.Verb,
        'a' or 's' => WordPos.Adjective,
        'r' => WordPos.Adverb,
        _ => WordPos.None,
    };
}
