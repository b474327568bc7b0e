namespace StoryBot.Knowledge.Analysis;

/// <summary>
/// A person, organisation or place named in a story, with the title it is introduced with
/// ("Russian Minister of Foreign Affairs" for Sergey Lavrov). Later sentences that name only the
/// surname inherit the title as an alias, so "the foreign minister" finds them.
/// </summary>
public sealed record NamedEntity(EntityKind Kind, string Name, string Key, string Title, int FirstSentence)
{
    /// <summary>The title stands after the name, set off by commas ("Rosa Quintero, president of Local 509,").</summary>
    public bool TitleAfterName { get; init; }

    /// <summary>
    /// The name's words as name keys ("Central Iowa Building Trades Council" → central, iowa, …), worked out once: the
    /// answer's checks compare them with the question's words for every candidate sentence.
    /// </summary>
    public IReadOnlyList<string> NameKeys { get; } = Name.Split(' ').Select(EntityExtractor.NameKey).ToArray();

    /// <summary>How many sentences mention the entity.</summary>
    public int Mentions { get; set; }
}

/// <summary>The kinds of named entity the story analysis recognises.</summary>
public enum EntityKind
{
    Person,
    Organization,
    Place,
}
