namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// One thing the question is about (a word or phrase of the user's) with the ways a sentence may say it:
/// the word itself, synonyms, place equivalents, a typo's correction, each with a weight in 0..1.
/// </summary>
public sealed class QueryConcept
{
    public QueryConcept(string surface, IReadOnlyList<QueryAlternative> alternatives, float userWeight = 1f, bool carried = false)
    {
        Surface = surface;
        Alternatives = alternatives;
        UserWeight = userWeight;
        Carried = carried;
    }

    /// <summary>The user's words for it.</summary>
    public string Surface { get; }

    public IReadOnlyList<QueryAlternative> Alternatives { get; }

    /// <summary>1 for the user's own words; lower for context carried from an earlier turn.</summary>
    public float UserWeight { get; }

    /// <summary>True when the concept comes from an earlier turn, not this message.</summary>
    public bool Carried { get; }

    public QueryConcept WithWeight(float userWeight, bool carried) => new(Surface, Alternatives, userWeight, carried);
}

/// <summary>A way of saying a concept: stemmed terms (one or a phrase) and how much a match counts.</summary>
public readonly record struct QueryAlternative(string[] Stems, float Weight)
{
    public string Key => string.Join(' ', Stems);
}
