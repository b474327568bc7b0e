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
    string? DefinitionSubject);

/// <summary>What an earlier turn a message refers back to: a person ("she"), a thing ("it", "that") or nothing.</summary>
public enum Anaphora
{
    None,
    Person,
    Thing,
}
