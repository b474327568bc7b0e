namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The named features of one candidate answer span inside the cited sentence: the link between
/// <see cref="SpanCandidates"/> (which measures them), the model file's <c>span</c> weights and <c>ask --explain</c>.
/// </summary>
public static class SpanFeatures
{
    /// <summary>The span is the one the type rules pick (<see cref="SpanFinder"/>).</summary>
    public const string Rule = "rule";

    /// <summary>The span overlaps the rules' pick without being it.</summary>
    public const string RuleOverlap = "ruleOverlap";

    /// <summary>The span is of a kind the question asks for (a person for who, a time for when …).</summary>
    public const string KindFits = "kindFits";

    /// <summary>The span holds a stretch of the asked-for kind inside it without being one.</summary>
    public const string HoldsKind = "holdsKind";

    /// <summary>The question asks for a kind and the span neither is nor holds one.</summary>
    public const string KindMissing = "kindMissing";

    /// <summary>The span is a named person, organisation or place.</summary>
    public const string Entity = "entity";

    /// <summary>Share of the span's content words the question already says (an answer rarely repeats the question).</summary>
    public const string QuestionShare = "questionShare";

    /// <summary>The content word right before the span is one the question says ("fired" → "James Comey").</summary>
    public const string AfterQuestionWord = "afterQuestionWord";

    /// <summary>The content word right after the span is one the question says ("Flynn" → "misled").</summary>
    public const string BeforeQuestionWord = "beforeQuestionWord";

    /// <summary>1 / (1 + words between the span and the nearest word the question says); 0 when it says none here.</summary>
    public const string Nearness = "nearness";

    /// <summary>The span's content words, over ten.</summary>
    public const string Length = "length";

    /// <summary>The span starts the sentence (often its subject, rarely what was asked).</summary>
    public const string Opens = "opens";

    /// <summary>The span is quoted speech or inside it.</summary>
    public const string Quoted = "quoted";

    /// <summary>The span is a phrase of the sentence (between punctuation, prepositions and conjunctions).</summary>
    public const string Phrase = "phrase";

    /// <summary>The span is a run of words the question does not say, between words it does.</summary>
    public const string Gap = "gap";

    /// <summary>
    /// A speech verb stands right before or after the span ("…, said Ramon Estrada") and the question does not ask
    /// what was said: the speaker is who told, rarely who did what the question asks about.
    /// </summary>
    public const string Speaker = "speaker";

    /// <summary>What each candidate is measured by, before it is placed in its question's class.</summary>
    public static readonly IReadOnlyList<string> Measures = new[]
    {
        Rule, RuleOverlap, KindFits, HoldsKind, KindMissing, Entity, QuestionShare, AfterQuestionWord, BeforeQuestionWord,
        Nearness, Length, Opens, Quoted, Phrase, Gap, Speaker,
    };

    /// <summary>
    /// The classes of question whose answers look different, each with its own weights: one asking for a kind of span
    /// (who, when, how many …), one asking to confirm a statement (yes/no: the answer repeats the question's words), and
    /// the open rest (what, why, how: the answer is the words the question does not say, next to those it does).
    /// </summary>
    public static readonly IReadOnlyList<string> Classes = new[] { "typed", "confirm", "open" };

    /// <summary>Every feature ("class.measure"), in the order of the vectors and of the model file's <c>span</c> weights.</summary>
    public static readonly IReadOnlyList<string> Names = Classes.SelectMany(c => Measures.Select(m => c + "." + m)).ToList();

    /// <summary>Position of <paramref name="measure"/> in <see cref="Measures"/>.</summary>
    public static int IndexOf(string measure) =>
        Measures.ToList().IndexOf(measure) is var i and >= 0 ? i : throw new ArgumentException($"Unknown span measure '{measure}'.", nameof(measure));
}
