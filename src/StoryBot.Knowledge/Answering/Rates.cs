using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The time unit an amount or a count is asked per ("how much do they make an hour", "how many riders a day", "the
/// yearly budget") and whether a sentence states an amount per that unit: "$29 an hour" answers the first, a total of
/// "$118 million over three years" does not. English calendar words only; no story's words.
/// </summary>
public static partial class Rates
{
    [GeneratedRegex(@"\b(?:per|an|a|each|every) (?<unit>hour|day|night|week|month|year)\b(?! ago| later| earlier| before| after| and)|\b(?<adverb>hourly|daily|nightly|weekly|monthly|yearly|annual|annually)\b")]
    private static partial Regex AskedRate();

    /// <summary>The unit <paramref name="normalizedQuestion"/> asks an amount per ("hour", "day" …), or null.</summary>
    public static string? Asked(string normalizedQuestion)
    {
        var m = AskedRate().Match(normalizedQuestion);
        if (!m.Success)
        {
            return null;
        }

        return m.Groups["unit"].Success ? m.Groups["unit"].Value : m.Groups["adverb"].Value switch
        {
            "hourly" => "hour",
            "daily" => "day",
            "nightly" => "night",
            "weekly" => "week",
            "monthly" => "month",
            _ => "year",
        };
    }

    /// <summary>Whether <paramref name="sentence"/> states something per <paramref name="unit"/> ("a day", "per day", "daily").</summary>
    public static bool Stated(string sentence, string unit) => PerUnit.TryGetValue(unit, out var pattern) && pattern.IsMatch(sentence);

    /// <summary>Per unit, the words that state an amount per it; built once, as the check runs for every candidate sentence.</summary>
    private static readonly IReadOnlyDictionary<string, Regex> PerUnit = new Dictionary<string, string>
    {
        ["hour"] = "hourly",
        ["day"] = "daily",
        ["night"] = "nightly",
        ["week"] = "weekly",
        ["month"] = "monthly",
        ["year"] = "yearly|annual|annually|per annum",
    }.ToDictionary(
        u => u.Key,
        u => new Regex($@"\b(?:(?:per|an|a|each|every)\s+{u.Key}|{u.Value})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));
}
