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
    public static (string Text, int Start)? Find(QuestionAnalysis question, SentenceProfile profile, IReadOnlySet<string> questionWords, IReadOnlySet<string>? countedStems = null)
    {
        var text = profile.Sentence.Text;
        (int Start, int Length)? span = question.Type switch
        {
            QuestionType.Who => Entity(profile, questionWords, EntityKind.Person, EntityKind.Organization),
            QuestionType.Where => WithPreposition(text, Entity(profile, questionWords, EntityKind.Place)),
            QuestionType.When => AnswerTagger.Times(text).Concat(AnswerTagger.Durations(text)).OrderBy(s => s.Start).Cast<(int, int)?>().FirstOrDefault(),
            QuestionType.HowLong => AnswerTagger.Durations(text).Cast<(int, int)?>().FirstOrDefault(),
            QuestionType.HowMany => CountFor(profile, countedStems, strict: false),
            QuestionType.Name => NameNear(profile, countedStems, questionWords),
            QuestionType.HowMuch => AnswerTagger.Money(text).Cast<(int, int)?>().FirstOrDefault(),
            QuestionType.HowOld => Age(text),
            _ when SpeechVerb().IsMatch(question.Normalized) => AnswerTagger.Quotes(text).Cast<(int, int)?>().FirstOrDefault(),
            _ => null,
        };

        return span is { } s && s.Length > 0 ? (text.Substring(s.Start, s.Length).Trim(), s.Start) : null;
    }

    /// <summary>
    /// The number phrase that counts the asked-about noun (one of <paramref name="nounStems"/> within the
    /// next three words), or — unless <paramref name="strict"/> — the first number outside a date.
    /// </summary>
    public static (int Start, int Length)? CountFor(SentenceProfile profile, IReadOnlySet<string>? nounStems, bool strict)
    {
        var text = profile.Sentence.Text;
        var times = AnswerTagger.Times(text).ToList();
        var numbers = AnswerTagger.Numbers(text)
            .Where(n => !times.Any(t => n.Start < t.Start + t.Length && t.Start < n.Start + n.Length))
            .ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        if (nounStems is not null)
        {
            foreach (var n in numbers)
            {
                var end = n.Start + n.Length;
                var following = Enumerable.Range(0, profile.Tokens.Count).Where(i => profile.Tokens[i].Start >= end).Take(3);
                if (following.Any(i => nounStems.Contains(profile.TokenStems[i]) || nounStems.Contains(profile.Tokens[i].Lower) || nounStems.Any(s => s.Length > 3 && profile.Tokens[i].Lower.StartsWith(s, StringComparison.Ordinal))))
                {
                    return n;
                }
            }

            if (strict)
            {
                return null;
            }
        }

        return numbers[0];
    }

    /// <summary>A proper name standing next to the noun whose name is asked for ("the Shayrat air base"), or null.</summary>
    public static (int Start, int Length)? NameNear(SentenceProfile profile, IReadOnlySet<string>? nounStems, IReadOnlySet<string> questionWords)
    {
        if (nounStems is null)
        {
            return null;
        }

        for (var i = 0; i < profile.Tokens.Count; i++)
        {
            if (!nounStems.Contains(profile.TokenStems[i]) && !nounStems.Contains(profile.Tokens[i].Lower))
            {
                continue;
            }

            for (var j = Math.Max(1, i - 3); j <= Math.Min(profile.Tokens.Count - 1, i + 3); j++)
            {
                var t = profile.Tokens[j];
                if (j != i && t.IsCapitalised && !questionWords.Contains(EntityExtractor.NameKey(t.Text)) && !questionWords.Contains(profile.TokenStems[j]))
                {
                    return (t.Start, t.End - t.Start);
                }
            }
        }

        return null;
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
