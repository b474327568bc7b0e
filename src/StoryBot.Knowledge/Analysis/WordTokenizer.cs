using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Analysis;

/// <summary>
/// Splits a sentence into words with offsets, keeping hyphenated names ("al-Assad"), dotted acronyms
/// ("U.S.") and numbers with separators ("400,000") whole and dropping possessive endings.
/// </summary>
public static partial class WordTokenizer
{
    [GeneratedRegex(@"\d[\d,\.]*\d|\d|(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{N}\-’']*\p{L}|\p{L}")]
    private static partial Regex Word();

    public static IReadOnlyList<WordToken> Tokenize(string text)
    {
        var tokens = new List<WordToken>();
        foreach (Match m in Word().Matches(text))
        {
            var value = m.Value;
            var end = m.Index + m.Length;
            if (value.EndsWith("’s", StringComparison.Ordinal) || value.EndsWith("'s", StringComparison.Ordinal))
            {
                value = value[..^2];
            }
            else if (value.EndsWith('’') || value.EndsWith('\''))
            {
                value = value[..^1];
            }

            var after = end < text.Length ? text[end] : ' ';
            var punctuation = after is ',' or ';' or ':' or '.' or '“' or '”' or '"' or '(' or ')' or '!' or '?' or '—' or '–';
            tokens.Add(new WordToken(value, m.Index, m.Index + value.Length, punctuation));
        }

        return tokens;
    }
}
