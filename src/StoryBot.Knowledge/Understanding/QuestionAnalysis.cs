namespace StoryBot.Knowledge.Understanding;

/// <summary>A message as the answering step needs it: intent, answer type, concepts and anaphora.</summary>
public sealed record QuestionAnalysis(
    string Text,
    string Normalized,
    Intent Intent,
    QuestionType Type,
    IReadOnlyList<QueryConcept> Concepts,
    string? CountedNoun,
    Anaphora Anaphora,
    string? DefinitionSubject)
{
    /// <summary>Concept surface → the word that possesses it in the question ("America's top diplomat" → america).</summary>
    public IReadOnlyDictionary<string, string> Possessors { get; init; } = new Dictionary<string, string>();

    /// <summary>The noun whose name a name-question asks for ("the name of the air base" → base).</summary>
    public string? NamedNoun { get; init; }

    /// <summary>The noun a which-question asks for ("which committees" → committees).</summary>
    public string? WhichNoun { get; init; }
}

/// <summary>What an earlier turn a message refers back to: a person ("she"), a thing ("it", "that") or nothing.</summary>
public enum Anaphora
{
    None,
    Person,
    Thing,
}
