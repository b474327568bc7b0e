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
    [GeneratedRegex(@"\b(\d{1,3})[- ]years?[- ]old\b|\baged (\d{1,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgeRegex();

    /// <summary>Where the type rules put the answer in <paramref name="question"/>'s cited <paramref name="profile"/>, or null.</summary>
    public static (int Start, int Length)? Locate(SpanQuestion question, SentenceProfile profile) =>
        Rules(question, profile) is { Length: > 0 } span
            ? span
            : null;

    private static (int Start, int Length)? Rules(SpanQuestion asked, SentenceProfile profile)
    {
        var (question, questionWords, ownWords, questionStems, countedStems, defined, preferredPeople, passiveStems) = asked;
        var text = profile.Sentence.Text;
        return question.Type switch
        {
            _ when defined is not null => Title(text, defined),
            QuestionType.Who when preferredPeople is { Count: > 0 } && profile.Mentions.FirstOrDefault(m => preferredPeople.Contains(m.Entity.Key)) is { Entity: not null } held
                => (held.Start, held.End - held.Start), // "who is Russia's top diplomat?": the holder of that title
            QuestionType.Who when passiveStems is { Count: > 0 } && ActedOn(profile, passiveStems, ownWords ?? questionWords) is { } patient
                => patient, // "who got fired from the fbi?": whom the verb acted on ("fired FBI Director James Comey"), not who acted
            QuestionType.Who when question.SubjectVerb is { } verb && questionStems is not null && SubjectOfVerb(profile, verb, ownWords ?? questionWords, questionStems) is { } doer
                => doer, // "who misled officials?": the name right before the verb ("Flynn misled"), even when he holds a role the question names
            QuestionType.Who => Entity(profile, questionWords, EntityKind.Person, EntityKind.Organization)
                ?? profile.Tokens.Where(t => WordLists.GroupNouns.Contains(t.Text) && !questionWords.Contains(t.Lower)).Select(t => ((int, int)?)(t.Start, t.End - t.Start)).FirstOrDefault(),
            QuestionType.Where => LocatedEntity(profile, questionWords)
                ?? (AnswerSelector.LocationPhrase().Match(text) is { Success: true } place ? (place.Index, place.Length) : ((int, int)?)null)
                ?? WithPreposition(text, Entity(profile, questionWords, EntityKind.Place))
                ?? NamedPlacePhrase(profile, questionWords),
            QuestionType.When => NearestToQuestion(profile, TimeUnits.OfAskedUnit(text, profile.TimeSpans.Concat(profile.DurationSpans).OrderBy(s => s.Start).ToList(), TimeUnits.Asked(question.Normalized)), questionStems),
            QuestionType.HowLong => profile.DurationSpans.Cast<(int, int)?>().FirstOrDefault() ?? TimeBound(profile),
            // "how much did she pay / earn / lose, did shares fall": an amount (money or a percentage) when the sentence names one
            QuestionType.HowMany when question.Normalized.Contains("how much", StringComparison.Ordinal) && profile.AmountSpans is { Count: > 0 } amounts
                => NearestToQuestion(profile, amounts, questionStems),
            QuestionType.HowMany => CountFor(profile, countedStems, strict: false, questionStems, NumbersIn(question.Normalized), moneyCounts: !AsksHowMany(question)),
            QuestionType.Name => NameNear(profile, countedStems, questionWords),
            // "how much do drivers make an hour": of the sentence's amounts, the one nearest the question's words ("earn $29 an hour")
            QuestionType.HowMuch => NearestToQuestion(profile, AnswerTagger.Money(text).ToList(), questionStems),
            QuestionType.HowOld => Age(text),
            _ when WordLists.SpeechVerb.IsMatch(question.Normalized) && profile.QuoteSpans.Count > 0 => profile.QuoteSpans[0],
            _ when questionStems is not null => Unmatched(profile, questionStems),
            _ => null,
        };
    }

    /// <summary>
    /// The person (else organisation) a passive question's verb acted on: in an active sentence the first one named
    /// within a few words after the verb ("fired FBI Director James Comey" → James Comey, the title's organisation
    /// giving way to the person), in a passive one the last one named right before its "was"/"got" ("Clinton was
    /// defeated"). Names the question says are not answers. Null when the sentence does not use the verb.
    /// </summary>
    private static (int Start, int Length)? ActedOn(SentenceProfile profile, IReadOnlySet<string> verbStems, IReadOnlySet<string> questionWords)
    {
        var tokens = profile.Tokens;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!verbStems.Contains(profile.TokenStems[k]) || tokens[k].Text.Length == 0 || char.IsUpper(tokens[k].Text[0]))
            {
                continue;
            }

            var auxiliary = k - 1;
            while (auxiliary >= 0 && tokens[auxiliary].Lower.EndsWith("ly", StringComparison.Ordinal))
            {
                auxiliary--; // "was abruptly fired"
            }

            var passive = auxiliary >= 0 && WordLists.PassiveAuxiliaries.Contains(tokens[auxiliary].Lower);
            EntityMention? person = null, organisation = null;
            foreach (var mention in profile.Mentions)
            {
                if (mention.Entity is not { Kind: EntityKind.Person or EntityKind.Organization } entity || Said(profile, mention, questionWords))
                {
                    continue;
                }

                var inReach = passive
                    ? mention.End <= tokens[auxiliary].Start && mention.Start >= tokens[ReachBefore(tokens, auxiliary)].Start
                    : mention.Start >= tokens[k].End && mention.End <= tokens[ReachAfter(tokens, k)].End;
                if (!inReach)
                {
                    continue;
                }

                // after the verb the first name counts, before the auxiliary the last (the nearest to it)
                if (entity.Kind == EntityKind.Person && (person is null || passive))
                {
                    person = mention;
                }
                else if (entity.Kind == EntityKind.Organization && (organisation is null || passive))
                {
                    organisation = mention;
                }
            }

            if ((person ?? organisation) is { } found)
            {
                return (found.Start, found.End - found.Start);
            }

            if ((passive ? GroupBefore(tokens, auxiliary) : GroupAfter(tokens, k)) is { } group)
            {
                return group; // "two residents were hospitalized", "laid off 300 workers": a group, not a name
            }
        }

        return null;
    }

    // The longest phrase a group of people may be named by: "about 300 factory workers".
    private const int GroupReach = 4;

    // The words right before the auxiliary at k, back to a function word or punctuation, when one names a group.
    private static (int Start, int Length)? GroupBefore(IReadOnlyList<WordToken> tokens, int k)
    {
        var first = k;
        while (first > 0 && k - first < GroupReach && !tokens[first - 1].PunctuationAfter && !WordLists.FunctionWords.Contains(tokens[first - 1].Text))
        {
            first--;
        }

        return Group(tokens, first, k - 1);
    }

    // The words after the verb at k, past a determiner, up to a function word or punctuation, when one names a group.
    private static (int Start, int Length)? GroupAfter(IReadOnlyList<WordToken> tokens, int k)
    {
        if (tokens[k].PunctuationAfter)
        {
            return null;
        }

        var first = k + 1;
        while (first < tokens.Count && first - k <= 2 && WordLists.FunctionWords.Contains(tokens[first].Text))
        {
            first++;
        }

        var last = first;
        while (last + 1 < tokens.Count && last - first + 1 < GroupReach && !tokens[last].PunctuationAfter && !WordLists.FunctionWords.Contains(tokens[last + 1].Text))
        {
            last++;
        }

        return Group(tokens, first, last);
    }

    private static (int Start, int Length)? Group(IReadOnlyList<WordToken> tokens, int first, int last)
    {
        if (first > last || last >= tokens.Count)
        {
            return null;
        }

        for (var t = first; t <= last; t++)
        {
            if (WordLists.GroupNouns.Contains(tokens[t].Text))
            {
                return (tokens[first].Start, tokens[last].End - tokens[first].Start);
            }
        }

        return null;
    }

    // How many words from the verb (or its auxiliary) the one it acted on may stand, within the clause: past a title
    // ("fired FBI Director James Comey", "asked Tallow County Common Pleas Judge Harold Finch").
    private const int ActedOnReach = 8;

    // The last token within reach after the verb at k: the clause ends at punctuation.
    private static int ReachAfter(IReadOnlyList<WordToken> tokens, int k)
    {
        var last = k;
        while (last + 1 < tokens.Count && last - k < ActedOnReach && !tokens[last].PunctuationAfter)
        {
            last++;
        }

        return last;
    }

    // The first token within reach before the auxiliary at k: the clause starts after punctuation.
    private static int ReachBefore(IReadOnlyList<WordToken> tokens, int k)
    {
        var first = k;
        while (first > 0 && k - first < ActedOnReach && !tokens[first - 1].PunctuationAfter)
        {
            first--;
        }

        return first;
    }

    // Whether every word of the mention is one the question says ("who was fired from the fbi": not FBI).
    private static bool Said(SentenceProfile profile, EntityMention mention, IReadOnlySet<string> questionWords)
    {
        var tokens = profile.Tokens;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Start >= mention.Start && tokens[t].End <= mention.End && !questionWords.Contains(tokens[t].Lower))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The capitalised name of a person or organisation standing right before the question's verb ("Flynn misled"),
    /// unless the question names it: the one who did what a subject question asks about.
    /// </summary>
    private static (int Start, int Length)? SubjectOfVerb(SentenceProfile profile, string verb, IReadOnlySet<string> questionWords, IReadOnlySet<string> questionStems)
    {
        var tokens = profile.Tokens;
        for (var k = 1; k < tokens.Count; k++)
        {
            var isVerb = tokens[k].Lower == verb || (questionStems.Contains(profile.TokenStems[k]) && tokens[k].Lower.StartsWith(verb[..Math.Min(3, verb.Length)], StringComparison.Ordinal));
            var name = tokens[k - 1];
            if (!isVerb || name.Text.Length < 2 || !char.IsUpper(name.Text[0]) || questionWords.Contains(name.Lower))
            {
                continue;
            }

            // the whole mention when the name ends one ("Michael Flynn misled"), the name alone otherwise
            var mention = profile.Mentions.FirstOrDefault(m => m.Start <= name.Start && name.Start < m.End && m.End == name.End);
            if (mention.Entity is { Kind: EntityKind.Person or EntityKind.Organization })
            {
                return (mention.Start, mention.End - mention.Start);
            }
        }

        return null;
    }

    /// <summary>
    /// The money amount that stands within <see cref="MeasureReach"/> words of what the question says it measures (one of
    /// <paramref name="measureStems"/>: "who now earn $29 an hour" for "how much do they earn"), or null: a loss of "$340
    /// million" is not the revenue asked about.
    /// </summary>
    public static (int Start, int Length)? MoneyFor(SentenceProfile profile, IReadOnlySet<string> measureStems)
    {
        var tokens = profile.Tokens;
        foreach (var (start, length) in AnswerTagger.Money(profile.Sentence.Text))
        {
            // the amount's own words run from the first token that ends after it starts to the last that starts before it ends
            var first = Enumerable.Range(0, tokens.Count).FirstOrDefault(i => tokens[i].End > start, tokens.Count);
            var last = Enumerable.Range(0, tokens.Count).LastOrDefault(i => tokens[i].Start < start + length, -1);
            for (var i = Math.Max(0, first - MeasureReach); i < Math.Min(tokens.Count, last + 1 + MeasureReach); i++)
            {
                var lower = tokens[i].Lower;
                if ((i < first || i > last) && (measureStems.Contains(lower) || measureStems.Contains(profile.TokenStems[i])
                    || measureStems.Any(s => s.Length > 3 && lower.StartsWith(s, StringComparison.Ordinal))))
                {
                    return (start, length);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The count a sentence gives as "the number of (the asked-about noun)": "the number of mechanics on the payroll has
    /// fallen from 325 to 240" counts mechanics though no number stands before the noun. Of the numbers that follow
    /// within the clause, the last: a count that changed ends on its present value.
    /// </summary>
    private static (int Start, int Length)? NumberOf(SentenceProfile profile, Func<int, bool> counts)
    {
        var tokens = profile.Tokens;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Lower != "number" || tokens[i].PunctuationAfter || tokens[i + 1].Lower != "of")
            {
                continue;
            }

            var noun = Enumerable.Range(i + 2, Math.Min(NumberOfNounReach, tokens.Count - i - 2)).FirstOrDefault(k => counts(k), -1);
            if (noun < 0)
            {
                continue;
            }

            var end = Enumerable.Range(noun, Math.Min(NumberOfReach, tokens.Count - noun)).FirstOrDefault(k => tokens[k].PunctuationAfter, Math.Min(tokens.Count, noun + NumberOfReach) - 1);
            var stated = profile.NumberSpans.Where(n => n.Start >= tokens[noun].End && n.Start < tokens[end].End).ToList();
            if (stated.Count > 0)
            {
                return stated[^1];
            }
        }

        return null;
    }

    /// <summary>How many words after "number of" the counted noun may stand ("the number of construction workers").</summary>
    private const int NumberOfNounReach = 3;

    /// <summary>How many words after the counted noun the count of "the number of …" may stand, within its clause.</summary>
    private const int NumberOfReach = 12;

    /// <summary>How many words from a money amount its measure may stand ("earn $29", "a salary of about $250,000").</summary>
    private const int MeasureReach = 5;

    /// <summary>
    /// The number phrase that counts the asked-about noun (one of <paramref name="nounStems"/> within the
    /// next three words), or — unless <paramref name="strict"/> — the first number outside a date (with no counted noun, the
    /// first that is not an amount of money unless <paramref name="moneyCounts"/>).
    /// </summary>
    /// <param name="questionStems">Breaks ties between equally close counts by nearness to the question's words ("idled" → "idling 640 buses").</param>
    /// <param name="given">The numbers the question states itself (<see cref="NumbersIn"/>): "how many of the 38 fires were in
    /// canada" is not answered by "38 fires".</param>
    /// <param name="moneyCounts">Whether an amount of money answers when no counted noun is asked for: yes for "how much", no for "how many".</param>
    public static (int Start, int Length)? CountFor(SentenceProfile profile, IReadOnlySet<string>? nounStems, bool strict, IReadOnlySet<string>? questionStems = null, IReadOnlySet<string>? given = null, bool moneyCounts = true)
    {
        var text = profile.Sentence.Text;
        var numbers = given is null ? profile.NumberSpans : profile.NumberSpans.Where(n => !given.Contains(DigitsOf(text.Substring(n.Start, n.Length)))).ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        if (nounStems is not null)
        {
            // Of the numbers followed within three words by the counted noun, the one it follows most closely, the
            // noun's own word before its stem: "640 buses" over "4,200 bus drivers", "five riders" over "one of five riders".
            var best = new List<(int Start, int Length)>();
            var bestRank = int.MaxValue;
            // "how many people": a count of visitors, workers or passengers counts people
            var people = nounStems.Overlaps(WordLists.TypeWords(QuestionType.Who));
            // "how many workers": "4,200 bus drivers" counts them, a driver being a kind of worker
            bool OfKind(string lower) => (people && PersonNouns.IsPeople(lower)) || BroaderTerms.Of(lower).Overlaps(nounStems);
            bool Counts(int i)
            {
                var lower = profile.Tokens[i].Lower;
                return OfKind(lower) || nounStems.Contains(profile.TokenStems[i]) || nounStems.Any(s => s.Length > 3 && lower.StartsWith(s, StringComparison.Ordinal));
            }

            if (nounStems.Overlaps(WordLists.PercentWords))
            {
                // "what percent of flights": a percentage ("41%", "8 percent"), not any number
                var percentages = Percentages(profile);
                return percentages.Count > 0 ? NearestToQuestion(profile, percentages, questionStems) : strict ? null : numbers[0];
            }

            foreach (var n in numbers)
            {
                var end = n.Start + n.Length;
                var following = Enumerable.Range(0, profile.Tokens.Count).Where(i => profile.Tokens[i].Start >= end).Take(3).ToList();
                for (var k = 0; k < following.Count; k++)
                {
                    var i = following[k];
                    var lower = profile.Tokens[i].Lower;
                    if ((i > 0 && profile.Tokens[i - 1].PunctuationAfter) || (lower != "of" && WordLists.PhraseOpeners.Contains(lower)))
                    {
                        break; // "children under 12 and people who …": a number counts within its phrase ("all 31 of its schools")
                    }

                    var counted = OfKind(lower);
                    // of the people counted, those the question's own words name ("how many people ride" → riders) come first
                    var exact = nounStems.Contains(lower) || (counted && questionStems is not null && questionStems.Any(s => s.Length > 3 && lower.StartsWith(s, StringComparison.Ordinal)));
                    if (exact || Counts(i))
                    {
                        var rank = (k * 2) + (exact ? 0 : 1);
                        if (rank < bestRank)
                        {
                            (best, bestRank) = (new List<(int Start, int Length)> { n }, rank);
                        }
                        else if (rank == bestRank)
                        {
                            best.Add(n);
                        }

                        break;
                    }
                }
            }

            if (best.Count > 0)
            {
                // near the question's other words: the counted noun follows every candidate alike
                return NearestToQuestion(profile, best, questionStems?.Except(nounStems).ToHashSet(StringComparer.Ordinal));
            }

            if (NumberOf(profile, Counts) is { } stated && numbers.Contains(stated))
            {
                return stated;
            }

            if (strict)
            {
                return null;
            }

            return numbers[0];
        }

        if (moneyCounts)
        {
            return numbers[0]; // "how much did iowa offer": an amount of money is what a how-much asks for
        }

        // "how many things did they steal": any count, but an amount of money counts nothing ("insured for $3.2 million")
        var money = AnswerTagger.Money(text).ToList();
        foreach (var n in numbers)
        {
            if (!money.Exists(m => n.Start < m.Start + m.Length && m.Start < n.Start + n.Length))
            {
                return n;
            }
        }

        return strict ? null : numbers[0];
    }

    /// <summary>Whether the question counts ("how many"), not measures ("how much").</summary>
    internal static bool AsksHowMany(QuestionAnalysis question) => question.Normalized.Contains("how many", StringComparison.Ordinal);

    /// <summary>The numbers written in digits in <paramref name="text"/>, as their digits alone ("1,500" → 1500); null when none.</summary>
    internal static IReadOnlySet<string>? NumbersIn(string text)
    {
        var found = Digits().Matches(text).Select(m => DigitsOf(m.Value)).ToHashSet(StringComparer.Ordinal);
        return found.Count > 0 ? found : null;
    }

    private static string DigitsOf(string number) => new(number.Where(char.IsDigit).ToArray());

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?:until|till|through)\s+(?:at least\s+|at the earliest\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex UntilBefore();

    /// <summary>
    /// How long something lasts said by when it ends ("will stay closed until at least Friday") or began ("has made
    /// coatings there since 1987"): the time after "until", from the word itself, or the time from "since"; null when no
    /// time of the sentence follows "until", "till", "through" or "since".
    /// </summary>
    internal static (int Start, int Length)? TimeBound(SentenceProfile profile)
    {
        var text = profile.Sentence.Text;
        foreach (var (start, length) in profile.TimeSpans)
        {
            if (UntilBefore().Match(text[..start]) is { Success: true } until)
            {
                return (until.Index, start + length - until.Index);
            }

            if (text.AsSpan(start).StartsWith("since ", StringComparison.OrdinalIgnoreCase))
            {
                return (start, length);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\G\s*(?:(?:percent|per cent|percentage points?)\b|%)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentAfter();

    /// <summary>Money amounts and percentages ("8 percent"), in sentence order: what "how much" asks for.</summary>
    internal static List<(int Start, int Length)> Amounts(SentenceProfile profile) =>
        AnswerTagger.Money(profile.Sentence.Text).Concat(Percentages(profile)).OrderBy(a => a.Item1).ToList();

    /// <summary>The percentages ("8 percent", "41%"), in sentence order.</summary>
    private static List<(int Start, int Length)> Percentages(SentenceProfile profile)
    {
        var text = profile.Sentence.Text;
        return profile.NumberSpans
            .Select(n => (n, After: PercentAfter().Match(text, n.Start + n.Length)))
            .Where(x => x.After.Success && x.After.Index == x.n.Start + x.n.Length)
            .Select(x => (x.n.Start, x.n.Length + x.After.Length))
            .ToList();
    }

    /// <summary>
    /// Of several candidate spans of the asked-for kind, the one nearest (in words) to a word of the question: "when did
    /// she warn the White House" is "in January" in "a hearing on Monday … warned Trump's White House in January".
    /// The first span when the question's words are not in the sentence.
    /// </summary>
    private static (int Start, int Length)? NearestToQuestion(SentenceProfile profile, IReadOnlyList<(int Start, int Length)> spans, IReadOnlySet<string>? questionStems)
    {
        if (spans.Count <= 1 || questionStems is null)
        {
            return spans.Count == 0 ? null : spans[0];
        }

        var anchors = Enumerable.Range(0, profile.Tokens.Count).Where(i => questionStems.Contains(profile.TokenStems[i])).ToList();
        if (anchors.Count == 0)
        {
            return spans[0];
        }

        int Distance((int Start, int Length) span)
        {
            var first = Enumerable.Range(0, profile.Tokens.Count).FirstOrDefault(i => profile.Tokens[i].End > span.Start);
            var last = Enumerable.Range(0, profile.Tokens.Count).LastOrDefault(i => profile.Tokens[i].Start < span.Start + span.Length);
            return anchors.Min(a => a < first ? first - a : a > last ? a - last : 0);
        }

        return spans.MinBy(Distance);
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

            if (NamedAfter(profile, i, questionWords) is { } named)
            {
                return named;
            }

            // a capitalised title comes before the name ("Judge Harold Finch"), a thing's name before the noun ("the
            // Shayrat air base"): after a title the words after it are tried first
            var title = profile.Tokens[i].IsCapitalised;
            for (var step = 0; step < NameReach * 2; step++)
            {
                var j = NameCandidate(i, step, title);
                if (j < 1 || j >= profile.Tokens.Count)
                {
                    continue;
                }

                var t = profile.Tokens[j];
                if (t.IsCapitalised && !questionWords.Contains(EntityExtractor.NameKey(t.Text)) && !questionWords.Contains(profile.TokenStems[j]))
                {
                    return WholeName(profile, t);
                }
            }
        }

        return null;
    }

    /// <summary>How many words after the noun a naming word may stand, and the name after the naming word ("system, known internally as CrewLink").</summary>
    private const int NamingReach = 3;

    /// <summary>
    /// The name a naming word gives the noun at <paramref name="noun"/> ("the crew-scheduling system, known internally as
    /// CrewLink"): the first capitalised word after the naming word, within the clause; null when there is none.
    /// </summary>
    private static (int Start, int Length)? NamedAfter(SentenceProfile profile, int noun, IReadOnlySet<string> questionWords)
    {
        var tokens = profile.Tokens;
        for (var k = noun + 1; k < tokens.Count - 1 && k <= noun + NamingReach; k++)
        {
            if (!WordLists.NamingWords.Contains(tokens[k].Lower))
            {
                continue;
            }

            // the first capitalised word after it, past "as" and an adverb ("known internally as CrewLink")
            for (var n = k + 1; n < tokens.Count && n <= k + NamingReach && !tokens[n - 1].PunctuationAfter; n++)
            {
                if (tokens[n].IsCapitalised)
                {
                    return questionWords.Contains(EntityExtractor.NameKey(tokens[n].Text)) ? null : WholeName(profile, tokens[n]);
                }
            }

            return null;
        }

        return null;
    }

    /// <summary>The whole name the word <paramref name="t"/> belongs to ("Evelyn Marsh"), not the one word.</summary>
    private static (int Start, int Length) WholeName(SentenceProfile profile, WordToken t)
    {
        foreach (var mention in profile.Mentions)
        {
            if (mention.Start <= t.Start && t.End <= mention.End)
            {
                return (mention.Start, mention.End - mention.Start);
            }
        }

        return (t.Start, t.End - t.Start);
    }

    // How many words from the named noun its name may stand.
    private const int NameReach = 3;

    // The step-th word tried for the name of the noun at i: after a title the words after it (nearest first), then those
    // before it; otherwise the words before it (farthest first), then those after.
    private static int NameCandidate(int i, int step, bool title) => title
        ? (step < NameReach ? i + 1 + step : i - 1 - (step - NameReach))
        : (step < NameReach ? i - NameReach + step : i + 1 + (step - NameReach));

    /// <summary>The title a person is introduced with ("Russian Minister of Foreign Affairs"), for "who is X?".</summary>
    private static (int Start, int Length)? Title(string text, NamedEntity entity)
    {
        if (entity.Title.Length == 0)
        {
            return null;
        }

        var at = text.IndexOf(entity.Title, StringComparison.Ordinal);
        return at >= 0 ? (at, entity.Title.Length) : null;
    }

    private static IReadOnlySet<string> Function => WordLists.FunctionWords;

    /// <summary>
    /// For what/why/how questions: the words of the sentence the question did not say, next to what it did
    /// ("accuse Moscow of" → "meddling to help Trump’s chances of victory"), at most ten words, within a clause.
    /// </summary>
    private static (int Start, int Length)? Unmatched(SentenceProfile profile, IReadOnlySet<string> questionStems)
    {
        var tokens = profile.Tokens;
        var matched = tokens.Select((t, i) => questionStems.Contains(profile.TokenStems[i]) || questionStems.Contains(EntityExtractor.NameKey(t.Text))).ToArray();
        (int From, int To, double Score)? best = null;
        foreach (var (i0, last) in UnsaidRuns.Of(tokens, matched))
        {
            var j = last + 1;
            var from = i0;
            var to = j - 1;
            while (from <= to && Function.Contains(tokens[from].Text))
            {
                from++;
            }

            while (to >= from && Function.Contains(tokens[to].Text))
            {
                to--;
            }

            if (to - from > 9)
            {
                to = from + 9;
                while (to > from && Function.Contains(tokens[to].Text))
                {
                    to--;
                }
            }

            if (from <= to)
            {
                var content = Enumerable.Range(from, to - from + 1).Count(k => !Function.Contains(tokens[k].Text));
                var after = i0 > 0 && matched[i0 - 1];
                var before = j < tokens.Count && matched[j];
                var score = content * (after ? 1.2 : before ? 1.0 : 0.3);
                if (best is null || score > best.Value.Score)
                {
                    best = (from, to, score);
                }
            }
        }

        if (best is not { } b || b.Score <= 0)
        {
            return null;
        }

        var start = tokens[b.From].Start;
        var end = tokens[b.To].End;
        return (start, end - start);
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

    // The first place the question does not name that follows a locative preposition: "in Moscow", "at the White House".
    private static (int Start, int Length)? LocatedEntity(SentenceProfile profile, IReadOnlySet<string> questionWords)
    {
        var text = profile.Sentence.Text;
        foreach (var mention in profile.Mentions.Where(m => m.Entity.Kind == EntityKind.Place))
        {
            var words = mention.Entity.Name.ToLowerInvariant().Split(' ').Select(EntityExtractor.NameKey);
            if (words.Any(questionWords.Contains) || questionWords.Contains(mention.Entity.Key))
            {
                continue;
            }

            var located = WithPreposition(text, (mention.Start, mention.End - mention.Start));
            if (located is { } l && l.Start < mention.Start)
            {
                return located;
            }
        }

        return null;
    }

    /// <summary>
    /// A locative preposition before a capitalised name the story's places do not list ("in Alder Crossing", "near
    /// Millbrook"): where a where-question's answer stands when no known place does. Not a time ("in January") and
    /// not a name the question says.
    /// </summary>
    private static (int Start, int Length)? NamedPlacePhrase(SentenceProfile profile, IReadOnlySet<string> questionWords)
    {
        var text = profile.Sentence.Text;
        foreach (Match m in NamedPlace().Matches(text))
        {
            var name = m.Groups["name"];
            var time = false;
            foreach (var t in profile.TimeSpans)
            {
                time |= t.Start < name.Index + name.Length && name.Index < t.Start + t.Length;
            }

            if (!time && !name.Value.Split(' ').All(w => questionWords.Contains(w.ToLowerInvariant())))
            {
                return (m.Index, m.Length);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:in|at|near|outside|inside) (?<name>\p{Lu}[\p{L}\-]+(?: \p{Lu}[\p{L}\-]+){0,3})")]
    private static partial Regex NamedPlace();

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
