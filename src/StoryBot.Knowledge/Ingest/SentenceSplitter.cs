using System.Text;

namespace StoryBot.Knowledge.Ingest;

/// <summary>
/// Rule-based sentence splitter for news text. A full stop ends a sentence only when it is not part of
/// an abbreviation ("Mr.", "Jan. 5"), an initial ("George W. Bush") or a dotted acronym ("U.S.") that
/// runs on into the same sentence; closing quotes and brackets after the stop stay with the sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
        "maj", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "mt", "ft", "rev", "hon", "pres",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "dept", "est", "fig",
        "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c", "u.s.a",
    };

    // Words that, capitalised after "U.S." or "a.m.", show that a new sentence has begun.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "However", "In", "On", "At",
        "This", "That", "These", "Those", "There", "Still", "After", "Before", "When", "While", "Yet", "So",
        "His", "Her", "Its", "Their", "Our", "Meanwhile", "Also", "Then", "Now", "Some", "Many", "Most",
    };

    private const string ClosingMarks = "\"'”’)]»";
    private const string OpeningMarks = "\"'“‘([«";

    /// <summary>Splits one paragraph into sentences, trimmed, in order.</summary>
    public static IReadOnlyList<string> Split(string paragraph)
    {
        var text = paragraph.Trim();
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            // Swallow runs like "?!" or "..." and any closing quotes/brackets.
            var end = i + 1;
            while (end < text.Length && (text[end] is '.' or '!' or '?' or '…'))
            {
                end++;
            }

            while (end < text.Length && ClosingMarks.Contains(text[end]))
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                i = end - 1;
                continue; // "3.5", "U.S.-led", "example.com"
            }

            var next = NextWord(text, end);
            if (next.Length == 0)
            {
                break; // end of text: the tail becomes the last sentence
            }

            if (!StartsSentence(next))
            {
                i = end - 1;
                continue;
            }

            if (c == '.' && !EndsSentenceAfterPeriod(text, start, i, next))
            {
                i = end - 1;
                continue;
            }

            sentences.Add(text[start..end].Trim());
            start = end;
            i = end - 1;
        }

        var tail = text[start..].Trim();
        if (tail.Length > 0)
        {
            sentences.Add(tail);
        }

        return sentences;
    }

    private static string NextWord(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var sb = new StringBuilder();
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            sb.Append(text[i++]);
        }

        return sb.ToString();
    }

    private static bool StartsSentence(string next)
    {
        var word = next.TrimStart(OpeningMarks.ToCharArray());
        if (word.Length == 0)
        {
            return next.Length > 0;
        }

        return char.IsUpper(word[0]) || char.IsDigit(word[0]) || OpeningMarks.Contains(next[0]);
    }

    private static bool EndsSentenceAfterPeriod(string text, int sentenceStart, int period, string next)
    {
        var tokenStart = period;
        while (tokenStart > sentenceStart && !char.IsWhiteSpace(text[tokenStart - 1]) && !OpeningMarks.Contains(text[tokenStart - 1]))
        {
            tokenStart--;
        }

        var token = text[tokenStart..period]; // without the final period
        if (token.Length == 0)
        {
            return true;
        }

        var nextWord = next.TrimStart(OpeningMarks.ToCharArray()).TrimEnd(',', ';', ':', '.');
        var dotted = token.Contains('.');
        if (token.Length == 1 && char.IsUpper(token[0]))
        {
            return false; // an initial: "George W. Bush"
        }

        if (Abbreviations.Contains(token))
        {
            // "U.S." or "a.m." can end a sentence; a title such as "Mr." or "Jan." never does.
            var canEnd = dotted || token.Equals("etc", StringComparison.OrdinalIgnoreCase) || token.Equals("inc", StringComparison.OrdinalIgnoreCase)
                || token.Equals("co", StringComparison.OrdinalIgnoreCase) || token.Equals("ltd", StringComparison.OrdinalIgnoreCase)
                || token.Equals("jr", StringComparison.OrdinalIgnoreCase) || token.Equals("sr", StringComparison.OrdinalIgnoreCase);
            return canEnd && SentenceStarters.Contains(nextWord);
        }

        if (dotted && token.Replace(".", string.Empty).All(char.IsLetter) && token.Split('.').All(p => p.Length <= 2))
        {
            return SentenceStarters.Contains(nextWord); // other dotted acronyms, e.g. "N.Y."
        }

        return true;
    }
}
