using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The unit a when-question asks in ("what month", "which year", "on what day") and whether a time expression
/// names it: "what month did she warn them" is answered by "in January", not by the "on Monday" of the same
/// sentence. English calendar words only; no story's words.
/// </summary>
public static partial class TimeUnits
{
    [GeneratedRegex(@"\b(?:what|which)\s+(month|year|day|date)\b")]
    private static partial Regex AskedUnit();

    [GeneratedRegex(@"\b(?:" + AnswerTagger.MonthNames + @")\b|\b(?:last|next|this) month\b", RegexOptions.IgnoreCase)]
    private static partial Regex Month();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b|\b(?:last|next|this) year\b", RegexOptions.IgnoreCase)]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:" + AnswerTagger.DayNames + @"|today|tonight|yesterday|tomorrow)\b|\b(?:" + AnswerTagger.MonthNames + @")\s\d{1,2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Day();

    [GeneratedRegex(@"\b(?:" + AnswerTagger.DayNames + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    // "may" and "march" are verbs too: a month only beside a preposition or a number
    [GeneratedRegex(@"\b(?:(?:in|on|since|until|by|from|early|late|mid|last|next|this)\s+(?<month>" + AnswerTagger.MonthNames + @")|(?<month>" + AnswerTagger.MonthNames + @")\s+\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DatedMonth();

    /// <summary>The weekdays and the months <paramref name="question"/> names, or null when it names none.</summary>
    public static (IReadOnlySet<string> Weekdays, IReadOnlySet<string> Months)? DatesIn(string question) =>
        Named(Weekday(), null, question) is var weekdays && Named(DatedMonth(), "month", question) is var months && weekdays.Count + months.Count > 0
            ? (weekdays, months)
            : null;

    /// <summary>
    /// Whether <paramref name="sentence"/> dates its events otherwise than the question (<see cref="DatesIn"/>) does: the
    /// question names a weekday (or a month) and the sentence names only others ("what happened at the hearing on tuesday"
    /// is not answered by "In a Senate hearing on Monday").
    /// </summary>
    public static bool Contradicts((IReadOnlySet<string> Weekdays, IReadOnlySet<string> Months) asked, string sentence) =>
        Disjoint(asked.Weekdays, Weekday(), null, sentence) || Disjoint(asked.Months, DatedMonth(), "month", sentence);

    /// <summary>Whether <paramref name="sentence"/> dates its events otherwise than <paramref name="question"/> does (<see cref="DatesIn"/>).</summary>
    public static bool Contradicts(string question, string sentence) => DatesIn(question) is { } asked && Contradicts(asked, sentence);

    private static bool Disjoint(IReadOnlySet<string> asked, Regex names, string? group, string sentence)
    {
        if (asked.Count == 0)
        {
            return false;
        }

        var stated = Named(names, group, sentence);
        return stated.Count > 0 && !stated.Overlaps(asked);
    }

    private static HashSet<string> Named(Regex names, string? group, string text) =>
        names.Matches(text).Select(m => (group is null ? m.Value : m.Groups[group].Value).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The unit <paramref name="normalizedQuestion"/> asks for ("month", "year", "day"; "date" counts as day), or null.</summary>
    public static string? Asked(string normalizedQuestion) =>
        AskedUnit().Match(normalizedQuestion) is { Success: true } m ? (m.Groups[1].Value == "date" ? "day" : m.Groups[1].Value) : null;

    /// <summary>Whether <paramref name="time"/> (a time expression) names a point of <paramref name="unit"/>.</summary>
    public static bool Names(string time, string unit) => unit switch
    {
        "month" => Month().IsMatch(time),
        "year" => Year().IsMatch(time),
        "day" => Day().IsMatch(time),
        _ => true,
    };

    /// <summary>The spans of <paramref name="text"/> that name the asked unit, or all of them when none does or none is asked.</summary>
    public static IReadOnlyList<(int Start, int Length)> OfAskedUnit(string text, IReadOnlyList<(int Start, int Length)> spans, string? unit)
    {
        if (unit is null)
        {
            return spans;
        }

        var named = spans.Where(s => Names(text.Substring(s.Start, s.Length), unit)).ToList();
        return named.Count > 0 ? named : spans;
    }
}
