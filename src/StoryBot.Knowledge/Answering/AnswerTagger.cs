using System.Text.RegularExpressions;
using StoryBot.Knowledge.Analysis;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// Tags the answer types a sentence holds (numbers, time expressions, durations, money, quotations,
/// people, places, organisations) and finds their spans, for answer-type matching and bold spans.
/// </summary>
public static partial class AnswerTagger
{
    private const string NumberWord = @"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|a dozen|several)";
    private const string Number = @"(?:\d[\d,\.]*(?:\s(?:million|billion|thousand))?|" + NumberWord + @"(?:[\s-]" + NumberWord + @")*)";
    private const string Modifier = @"(?:(?:nearly|almost|about|around|roughly|some|approximately|up to|more than|less than|fewer than|over|under|at least|at most|as many as|just over|just under|only)\s)?";

    [GeneratedRegex(@"\b" + Modifier + Number + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPhrase();

    [GeneratedRegex(@"\b" + Modifier + Number + @"\s(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPhrase();

    /// <summary>The month names, for every rule that reads a time (lower case; the rules ignore case).</summary>
    internal const string MonthNames = "january|february|march|april|may|june|july|august|september|october|november|december";

    /// <summary>
    /// The months news style shortens before a day ("Sept. 12", "Oct. 7", "Jan. 5, 2025"); they count as a time only
    /// with that day, since "Dec." or "Jan." alone can be something else.
    /// </summary>
    internal const string MonthAbbreviations = "jan|feb|aug|sept|sep|oct|nov|dec";

    /// <summary>The weekday names, likewise.</summary>
    internal const string DayNames = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    [GeneratedRegex(@"(?:\b(?:on|in|by|since|until|from|last|next|this|earlier|later)\s)?(?:\b(?:" + DayNames + @")\b|\b(?:" + MonthNames + @")(?:\s\d{1,2}(?:,\s\d{4})?)?\b|\b(?:" + MonthAbbreviations + @")\.\s\d{1,2}(?:,\s\d{4})?\b|\b(?:today|tonight|yesterday|tomorrow)\b|\bthe (?:end|beginning|start|middle) of (?:the |this |next )?(?:day|week|month|year|spring|summer|fall|autumn|winter)\b|\b(?:last|next|this)\s(?:week|month|year|weekend|spring|summer|fall|autumn|winter)\b|\bearlier (?:in the day|this (?:week|month|year)|today)\b|\b(?:19|20)\d{2}\b|\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b|\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o['’]clock\b|\b(?:noon|midnight)\b|\bin the (?:spring|summer|fall|autumn|winter)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TimePhrase();

    [GeneratedRegex(@"[$€£]\s?\d|\b\d[\d,\.]*\s?(?:dollars|euros|pounds|rubles|usd)\b|\b(?:dollars|euros|pounds|rubles)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPhrase();

    [GeneratedRegex(@"[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|trillion|thousand))?\b|\b\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|trillion|thousand))?\s?(?:dollars|euros|pounds|rubles|usd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyAmount();

    [GeneratedRegex(@"[“""][^”""]{2,}[”""]")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s(?:years?|months?|weeks?|days?)\s(?:into|after|before|ago|later|earlier)\b|\b(?:less|more) than (?:a|an|one|two|three|\d+)\s(?:years?|months?|weeks?|days?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeTime();

    /// <summary>The answer types in <paramref name="text"/>, given its entity mentions.</summary>
    public static AnswerTags Tag(string text, IReadOnlyList<EntityMention> mentions)
    {
        var tags = AnswerTags.None;
        if (NumberPhrase().IsMatch(text))
        {
            tags |= AnswerTags.Number;
        }

        if (DurationPhrase().IsMatch(text))
        {
            tags |= AnswerTags.Duration;
        }

        if (TimePhrase().IsMatch(text) || RelativeTime().IsMatch(text))
        {
            tags |= AnswerTags.Time;
        }

        if (MoneyPhrase().IsMatch(text))
        {
            tags |= AnswerTags.Money;
        }

        if (Quotation().IsMatch(text))
        {
            tags |= AnswerTags.Quotation;
        }

        foreach (var m in mentions)
        {
            tags |= m.Entity.Kind switch
            {
                EntityKind.Person => AnswerTags.Person,
                EntityKind.Place => AnswerTags.Place,
                _ => AnswerTags.Organization,
            };
        }

        return tags;
    }

    /// <summary>Number phrases ("nearly 60", "up to 400,000", "four") with offsets.</summary>
    public static IEnumerable<(int Start, int Length)> Numbers(string text) =>
        NumberPhrase().Matches(text).Select(m => (m.Index, m.Length));

    /// <summary>Duration phrases ("more than six years", "less than one month").</summary>
    public static IEnumerable<(int Start, int Length)> Durations(string text) =>
        DurationPhrase().Matches(text).Concat(RelativeTime().Matches(text)).Select(m => (m.Index, m.Length)).OrderBy(m => m.Index);

    /// <summary>Time expressions ("on Tuesday", "in January", "April 12", "last week", "2:10 a.m.", "in the spring", "by the end of the month").</summary>
    public static IEnumerable<(int Start, int Length)> Times(string text) =>
        TimePhrase().Matches(text).Select(m => (m.Index, m.Length));

    /// <summary>
    /// Money amounts, whole: "$280 million", "$1.1 billion", "85,000 dollars". <see cref="MoneyPhrase"/> only tells that
    /// a sentence mentions money ("$2" of "$280 million" is enough for that), so it cannot cut the answer.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Money(string text) =>
        MoneyAmount().Matches(text).Select(m => (m.Index, m.Length));

    /// <summary>Quoted passages, without the quotation marks.</summary>
    public static IEnumerable<(int Start, int Length)> Quotes(string text) =>
        Quotation().Matches(text).Select(m => (m.Index + 1, m.Length - 2));
}
