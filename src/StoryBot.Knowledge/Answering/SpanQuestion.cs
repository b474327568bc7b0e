using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// What finding the answer inside a cited sentence needs to know about the question: its analysis, the words it
/// (and the people it excludes) already say, their stems, the counted noun, the person a "who is X?" defines, the
/// role holders a "who is the …?" prefers, the stems of a passive question's verb ("who got fired" → fire, sack, …),
/// and which kinds of span answer it.
/// </summary>
public sealed record SpanQuestion(
    QuestionAnalysis Question,
    IReadOnlySet<string> QuestionWords,
    IReadOnlySet<string> OwnWords,
    IReadOnlySet<string> QuestionStems,
    IReadOnlySet<string>? CountedStems,
    NamedEntity? Defined,
    IReadOnlySet<string>? PreferredPeople,
    IReadOnlySet<string>? PassiveVerbStems = null)
{
    /// <summary>
    /// The kinds of span that answer the question by its type (None: any phrase may). A definition question ("who is
    /// Yates?") asks what the person is — a title or description —, not for a person or organisation.
    /// </summary>
    public AnswerTags Asked { get; } = Defined is null ? AskedOf(Question) : AnswerTags.None;

    /// <summary>
    /// Which of <see cref="SpanFeatures.Classes"/> the question belongs to. A definition question is an open one however it
    /// is put ("is tillerson the secretary of state?" wants his title, like "who is tillerson?").
    /// </summary>
    public int Class => Asked != AnswerTags.None ? 0 : Defined is null && Question.Type is QuestionType.YesNo or QuestionType.Other ? 1 : 2;

    private static AnswerTags AskedOf(QuestionAnalysis question) => question.Type switch
    {
        QuestionType.Who => AnswerTags.Person | AnswerTags.Organization,
        QuestionType.Where => AnswerTags.Place,
        QuestionType.When => AnswerTags.Time,
        QuestionType.HowLong => AnswerTags.Duration,
        QuestionType.HowMany when question.Normalized.Contains("how much", StringComparison.Ordinal) => AnswerTags.Number | AnswerTags.Money,
        QuestionType.HowMany => AnswerTags.Number,
        QuestionType.HowMuch => AnswerTags.Money,
        QuestionType.HowOld => AnswerTags.Number,
        QuestionType.Name => AnswerTags.Person | AnswerTags.Organization | AnswerTags.Place,
        _ when question.AsksForSpeech || WordLists.SpeechVerb.IsMatch(question.Normalized) => AnswerTags.Quotation,
        _ => AnswerTags.None,
    };
}
