using System.Text.RegularExpressions;
using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// Finds the words of the cited sentence that answer the question, to show in bold: the new person or
/// organisation for who, the time expression for when, the place for where, the number that counts
/// the asked-about thing for how many, the duration for how long, the quotation for "what did X say".
/// </summary>
public static partial class SpanFinder
{
    [GeneratedRegex(@"\b(say|said|says|call|calls|called|describe|described|describes|warn|warned|warns|tell|told|claim|claimed|label|labelled|term|termed)\b")]
    private static partial Regex SpeechVerb();

    [GeneratedRegex(@"\b(\d{1,3})[- ]years?[- ]old\b|\baged (\d{1,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgeRegex();

    /// <summary>The answer span of <paramref name="profile"/> for <paramref name="question"/>, or null.</summary>
    public static (string Text, int Start)? Find(QuestionAnalysis question, SentenceProfile profile, IReadOnlySet<string> questionWords)
    {
        var text = profile.Sentence.Text;
        (int Start, int Length)? span = question.Type switch
        {
            QuestionType.Who => Entity(profile, questionWords, EntityKind.Person, EntityKind.Organization),
            QuestionType.Where => WithPreposition(text, Entity(profile, questionWords, EntityKind.Place)),
            QuestionType.When => AnswerTagger.Times(text).Concat(AnswerTagger.Durations(text)).OrderBy(s => s.Start).Cast<(int, int)?>().FirstOrDefault(),
            QuestionType.HowLong => AnswerTagger.Durations(text).Cast<(int, int)?>().FirstOrDefault(),
            QuestionType.HowMany => CountFor(text, question.CountedNoun),
            QuestionType.HowMuch => AnswerTagger.Money(text).Cast<(int, int)?>().FirstOrDefault(),
            QuestionType.HowOld => Age(text),
            _ when SpeechVerb().IsMatch(question.Normalized) => AnswerTagger.Quotes(text).Cast<(int, int)?>().FirstOrDefault(),
            _ => null,
        };

        return span is { } s && s.Length > 0 ? (text.Substring(s.Start, s.Length).Trim(), s.Start) : null;
    }

    /// <summary>The number phrase that counts <paramref name="noun"/> (or any number outside a date), or null.</summary>
    public static (int Start, int Length)? CountFor(string text, string? noun)
    {
        var times = AnswerTagger.Times(text).ToList();
        var numbers = AnswerTagger.Numbers(text)
            .Where(n => !times.Any(t => n.Start < t.Start + t.Length && t.Start < n.Start + n.Length))
            .ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        if (noun is not null)
        {
            var stem = noun.TrimEnd('s');
            foreach (var n in numbers)
            {
                var after = text[(n.Start + n.Length)..];
                var words = WordTokenizer.Tokenize(after).Take(3).Select(w => w.Lower.TrimEnd('s'));
                if (words.Any(w => w.Length > 2 && (w.StartsWith(stem, StringComparison.Ordinal) || stem.StartsWith(w, StringComparison.Ordinal))))
                {
                    return n;
                }
            }
        }

        return numbers[0];
    }

    /// <summary>An age expression ("52 years old", "aged 52"), or null.</summary>
    public static (int Start, int Length)? Age(string text) =>
        AgeRegex().Match(text) is { Success: true } m ? (m.Index, m.Length) : null;

    private static (int Start, int Length)? Entity(SentenceProfile profile, IReadOnlySet<string> questionWords, params EntityKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            foreach (var mention in profile.Mentions.Where(m => m.Entity.Kind == kind))
            {
                var words = mention.Entity.Name.ToLowerInvariant().Split(' ').Select(EntityExtractor.NameKey);
                if (!words.Any(questionWords.Contains) && !questionWords.Contains(mention.Entity.Key))
                {
                    return (mention.Start, mention.End - mention.Start);
                }
            }
        }

        return null;
    }

    private static (int Start, int Length)? WithPreposition(string text, (int Start, int Length)? span)
    {
        if (span is not { } s)
        {
            return null;
        }

        var before = text[..s.Start];
        var m = Regex.Match(before, @"\b(at|in|to|from|near|inside|outside) (the )?$", RegexOptions.IgnoreCase);
        return m.Success ? (m.Index, s.Length + (s.Start - m.Index)) : s;
    }
}
