namespace StoryBot.Knowledge.Answering;

/// <summary>
/// Whether a highlighted span gives an expected answer: ignoring case, quotes and a leading article or preposition,
/// one contains the other. One rule for the <c>eval</c> report and for the span model's training labels.
/// </summary>
public static class SpanMatch
{
    private static readonly string[] Prefixes = { "the ", "a ", "an ", "on ", "in ", "at " };

    /// <summary>True when <paramref name="span"/> and <paramref name="answer"/> are the same answer by this rule.</summary>
    public static bool Matches(string span, string answer)
    {
        var s = Normalize(span);
        var a = Normalize(answer);
        return s.Length > 0 && a.Length > 0 && (s == a || s.Contains(a, StringComparison.Ordinal) || a.Contains(s, StringComparison.Ordinal));
    }

    /// <summary>True when <paramref name="span"/> matches any of <paramref name="answers"/>.</summary>
    public static bool MatchesAny(string span, IEnumerable<string> answers) => answers.Any(a => Matches(span, a));

    private static string Normalize(string text)
    {
        var t = text.Trim().Trim('“', '”', '"', '.', ',').ToLowerInvariant().Replace('’', '\'');
        foreach (var prefix in Prefixes)
        {
            if (t.StartsWith(prefix, StringComparison.Ordinal))
            {
                t = t[prefix.Length..];
            }
        }

        return t;
    }
}
