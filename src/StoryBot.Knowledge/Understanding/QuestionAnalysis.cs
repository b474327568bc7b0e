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
    /// <summary>
    /// The message's terms as the exact field's analysis gives them (before typo fixes and shorthand): the word
    /// search derives the index chain's terms from them instead of analysing the text again. Null when unknown.
    /// </summary>
    public IReadOnlyList<string>? ExactTerms { get; init; }

    /// <summary>Misspelt words of the message → the story word each stands for ("trmup" → trump): the text the semantic signal reads is spelt right.</summary>
    public IReadOnlyDictionary<string, string> TypoFixes { get; init; } = new Dictionary<string, string>();

    /// <summary>Concept surface → the word that possesses it in the question ("America's top diplomat" → america).</summary>
    public IReadOnlyDictionary<string, string> Possessors { get; init; } = new Dictionary<string, string>();

    /// <summary>The words after "how many" ("cruise missiles hit"): a number must count one of them.</summary>
    public string? CountedPhrase { get; init; }

    /// <summary>The noun whose name a name-question asks for ("the name of the air base" → base).</summary>
    public string? NamedNoun { get; init; }

    /// <summary>The noun a which-question asks for ("which committees" → committees).</summary>
    public string? WhichNoun { get; init; }

    /// <summary>
    /// The word a who-question asks about, right after "who" and its auxiliaries ("who's gonna replace comey" →
    /// replace, "who won the super bowl" → won, "who is the president of turkey" → president), or null.
    /// </summary>
    public string? WhoAsksAbout { get; init; }

    /// <summary>
    /// Whether the message asks something by its form: a question word, a question or request opener ("is …", "and …",
    /// "tell me …"), or a "?" on a pronoun ("him?"). A message that neither asks nor names anything the story says
    /// ("this is dumb") is not a follow-up: it has nothing to carry the earlier answer into.
    /// </summary>
    public bool Asks { get; init; }

    /// <summary>True for "who is/was (the) …": the answer is whoever the rest describes, e.g. a role holder.</summary>
    public bool Copular { get; init; }

    /// <summary>True for "who is/was (the) …" in the singular: one person or body holds the role, not a group ("workers").</summary>
    public bool AsksForOne { get; init; }

    /// <summary>True for "where …": the answer is a location, introduced by a locative preposition.</summary>
    public bool Locative { get; init; }

    /// <summary>True for "what did X say/call/tell …": the answer is something said.</summary>
    public bool AsksForSpeech { get; init; }

    /// <summary>The verb of a "who did it" question ("who replaced Comey" → replaced): the story must say it, or no sentence answers.</summary>
    public string? SubjectVerb { get; init; }

    /// <summary>
    /// The participle of a passive "who was/got it done to" question ("who got fired from the fbi" → fired): the answer is
    /// whoever the verb acted on, not whoever acted, so the sentence's voice decides where the answer stands.
    /// </summary>
    public string? PassiveVerb { get; init; }

    /// <summary>Who is asked to have said it ("what did Lavrov say" → lavrov), or null.</summary>
    public string? Speaker { get; init; }

    /// <summary>
    /// Whose reaction or word a how- or yes/no-question asks about ("how did turkey react …" → turkey, "did the mayor say
    /// anything about …" → the mayor), or null: a sentence that never mentions them does not hold it.
    /// </summary>
    public string? Reactor { get; init; }

    /// <summary>
    /// The two words a yes/no question offers to choose between ("is sally yates a democrat or republican" → democrat,
    /// republican), or null: a sentence that names neither does not answer it.
    /// </summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Words that own a role in the question ("Putin" in "Putin's foreign minister"): they need not appear in the answer.</summary>
    public IReadOnlySet<string> PossessorWords => Possessors.Values.ToHashSet(StringComparer.Ordinal);
}

/// <summary>What of an earlier turn a message refers back to: a person ("she"), a thing ("it", "that"), both, or nothing.</summary>
[Flags]
public enum Anaphora
{
    None = 0,
    Person = 1,
    Thing = 2,
}
