namespace StoryBot.Knowledge.Answering;

/// <summary>
/// What a question's type asks a sentence to hold, in the words the type checks compare with each candidate: the stems a
/// number must count, the noun a name must stand near and the question's words, the people who must have said it. They
/// depend only on the question, so <see cref="AnswerSelector"/> works them out once per question instead of once per
/// candidate (the speaker's keys, with their role holders, were most of the speech check's cost). Null where the
/// question's type does not use them.
/// </summary>
internal sealed record AskedFor
{
    /// <summary>Nothing beyond the question's type and the sentence itself.</summary>
    public static readonly AskedFor Nothing = new();

    /// <summary>How-many: the stems a number must count (<see cref="AnswerSelector.CountedStems"/>).</summary>
    public IReadOnlySet<string>? CountedStems { get; init; }

    /// <summary>How-many: the numbers the question states itself, which do not answer it ("how many of the 38 fires …").</summary>
    public IReadOnlySet<string>? GivenNumbers { get; init; }

    /// <summary>How-many: whether an amount of money answers when no counted noun is asked for ("how much", not "how many").</summary>
    public bool MoneyCounts { get; init; } = true;

    /// <summary>How-much: the stems of what the amount must measure ("revenue", "earn"), null when any amount answers.</summary>
    public IReadOnlySet<string>? MeasureStems { get; init; }

    /// <summary>How-much and how-many: the time unit the amount is asked per ("hour" of "make an hour"; <see cref="Rates"/>).</summary>
    public string? Rate { get; init; }

    /// <summary>Name questions: the stems of the noun whose name is asked.</summary>
    public IReadOnlySet<string>? NamedStems { get; init; }

    /// <summary>Name questions: the question's own words, which are not the name.</summary>
    public IReadOnlySet<string>? QuestionWords { get; init; }

    /// <summary>
    /// The weekdays and months the question names (<see cref="TimeUnits.DatesIn"/>), or null: a sentence dated only
    /// otherwise does not hold what it asks. Null for yes/no questions, which such a sentence answers ("no, Monday"), and
    /// when-questions.
    /// </summary>
    public (IReadOnlySet<string> Weekdays, IReadOnlySet<string> Months)? Dates { get; init; }

    /// <summary>
    /// Speech questions that name the speaker, and how- or yes/no-questions about someone's reaction: the speaker's (the
    /// reactor's) keys, role holders and the carried person a pronoun stands for.
    /// </summary>
    public IReadOnlySet<string>? SpeakerKeys { get; init; }

    /// <summary>
    /// Yes/no questions offering a choice ("a democrat or republican"): the stems of either choice and their synonyms,
    /// one of which the sentence must name.
    /// </summary>
    public IReadOnlySet<string>? ChoiceStems { get; init; }
}
