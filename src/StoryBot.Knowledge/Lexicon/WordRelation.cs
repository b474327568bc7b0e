namespace StoryBot.Knowledge.Lexicon;

/// <summary>
/// How a related word was reached in WordNet, so callers can trust synonyms more than siblings.
/// The numeric values are stored in the generated relations data (tools/lexicon): do not reorder.
/// </summary>
public enum WordRelation
{
    /// <summary>Another lemma of the same sense (sack / fire).</summary>
    Synonym = 0,

    /// <summary>A lemma of a direct hypernym, i.e. a broader term (envoy / diplomat).</summary>
    Hypernym = 1,

    /// <summary>A derivationally related form or pertainym (collusion / collude).</summary>
    Derived = 2,

    /// <summary>A lemma of a direct hyponym, i.e. a narrower term (meeting / conference).</summary>
    Hyponym = 3,

    /// <summary>A sister term under the same narrow hypernym (envoy / ambassador).</summary>
    Sibling = 4,
}
