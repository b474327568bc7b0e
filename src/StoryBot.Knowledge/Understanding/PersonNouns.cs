namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Whether a common noun names people ("visitors", "workers", "passengers"): "how many people visit the museum" is
/// answered by "about 60,000 visitors". A noun counts when it is one of the word lists' nouns for groups of people or
/// for a person, or when WordNet makes it a kind of person within <see cref="BroaderTerms.Hops"/> broader terms (visitor → traveler →
/// person); further up, other senses reach "person" too (piece → … → individual).
/// </summary>
public static class PersonNouns
{
    private static readonly string[] PersonLemmas = { "person", "individual", "someone" };

    /// <summary>Whether <paramref name="lowerWord"/> (lower case, any inflection) names people.</summary>
    public static bool IsPeople(string lowerWord) =>
        WordLists.GroupNouns.Contains(lowerWord) || WordLists.TypeWords(QuestionType.Who).Contains(lowerWord) || BroaderTerms.Of(lowerWord).Overlaps(PersonLemmas);
}
