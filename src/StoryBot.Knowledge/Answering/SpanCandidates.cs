using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The stretches of a cited sentence that might answer the question, each with its <see cref="SpanFeatures"/>: the
/// type rules' pick, every named entity, time, duration, number, amount and quotation, the sentence's phrases (split at
/// punctuation, prepositions and conjunctions, alone and in pairs) and the runs of words the question does not say.
/// The span model (<see cref="AnswerModel.Span"/>) chooses among them; the rules' pick is one candidate, not the answer.
/// </summary>
public static class SpanCandidates
{
    /// <summary>No candidate is longer than this many words: a highlight is a phrase, not the sentence again.</summary>
    public const int MaxWords = 10;

    /// <summary>The candidates for <paramref name="question"/> in <paramref name="profile"/>, in sentence order.</summary>
    public static IReadOnlyList<SpanCandidate> Of(SpanQuestion question, SentenceProfile profile)
    {
        var text = profile.Sentence.Text;
        var tokens = profile.Tokens;
        if (tokens.Count == 0)
        {
            return Array.Empty<SpanCandidate>();
        }

        var matched = new bool[tokens.Count];
        var content = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            matched[i] = question.QuestionStems.Contains(profile.TokenStems[i]) || question.QuestionStems.Contains(EntityExtractor.NameKey(tokens[i].Text))
                || question.QuestionWords.Contains(tokens[i].Lower);
            content[i] = !WordLists.FunctionWords.Contains(tokens[i].Text) && tokens[i].Text.Any(char.IsLetterOrDigit);
        }

        // Typed stretches: what each kind of question asks for.
        var typed = new List<(int Start, int Length, SpanKinds Kind)>();
        foreach (var m in profile.Mentions)
        {
            typed.Add((m.Start, m.End - m.Start, m.Entity.Kind switch
            {
                EntityKind.Person => SpanKinds.Person,
                EntityKind.Organization => SpanKinds.Organization,
                _ => SpanKinds.Place,
            }));
        }

        typed.AddRange(profile.TimeSpans.Select(s => (s.Start, s.Length, SpanKinds.Time)));
        typed.AddRange(profile.DurationSpans.Select(s => (s.Start, s.Length, SpanKinds.Duration)));
        typed.AddRange(profile.NumberSpans.Select(s => (s.Start, s.Length, SpanKinds.Number)));
        typed.AddRange(SpanFinder.Amounts(profile).Select(s => (s.Start, s.Length, SpanKinds.Amount)));
        var quotes = AnswerTagger.Quotes(text).ToList();
        typed.AddRange(quotes.Select(s => (s.Start, s.Length, SpanKinds.Quote)));

        var spans = new Dictionary<(int Start, int Length), (bool Phrase, bool Gap)>();
        void Add(int start, int length, bool phrase = false, bool gap = false)
        {
            if (length <= 0)
            {
                return;
            }

            spans[(start, length)] = spans.TryGetValue((start, length), out var seen) ? (seen.Phrase || phrase, seen.Gap || gap) : (phrase, gap);
        }

        foreach (var t in typed)
        {
            Add(t.Start, t.Length);
        }

        var rule = SpanFinder.Locate(question, profile);
        if (rule is { } r)
        {
            Add(r.Start, r.Length);
        }

        // Phrases: a new one at punctuation and at a preposition or conjunction; each alone and joined with the next.
        var phrases = new List<(int From, int To)>();
        var from = 0;
        for (var i = 1; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || tokens[i - 1].PunctuationAfter || WordLists.PhraseOpeners.Contains(tokens[i].Text))
            {
                phrases.Add((from, i - 1));
                from = i;
            }
        }

        for (var k = 0; k < phrases.Count; k++)
        {
            AddWords(phrases[k].From, phrases[k].To, phrase: true);
            if (k + 1 < phrases.Count && !tokens[phrases[k].To].PunctuationAfter)
            {
                AddWords(phrases[k].From, phrases[k + 1].To, phrase: true);
            }
        }

        // Gaps: runs of words the question does not say, within a clause.
        for (var i = 0; i < tokens.Count;)
        {
            if (matched[i])
            {
                i++;
                continue;
            }

            var j = i;
            while (j < tokens.Count && !matched[j] && (j == i || !tokens[j - 1].PunctuationAfter))
            {
                j++;
            }

            AddWords(i, j - 1, gap: true);
            i = j;
        }

        void AddWords(int first, int last, bool phrase = false, bool gap = false)
        {
            while (first <= last && !content[first])
            {
                first++;
            }

            last = Math.Min(last, first + MaxWords - 1);
            while (last >= first && !content[last])
            {
                last--;
            }

            if (first <= last)
            {
                Add(tokens[first].Start, tokens[last].End - tokens[first].Start, phrase, gap);
            }
        }

        var candidates = new List<SpanCandidate>(spans.Count);
        foreach (var ((start, length), origin) in spans.OrderBy(s => s.Key.Start).ThenBy(s => s.Key.Length))
        {
            var raw = text.Substring(start, length);
            var spanText = raw.Trim();
            if (spanText.Length == 0)
            {
                continue;
            }

            var lead = raw.Length - raw.TrimStart().Length;
            candidates.Add(new SpanCandidate(start + lead, spanText.Length, spanText, Measure(question, profile, matched, content, typed, quotes, rule, start, length, origin)));
        }

        return candidates;
    }

    /// <summary>Where the question's class's block of features starts in a candidate's vector.</summary>
    private static int Offset(SpanQuestion question) => question.Class * SpanFeatures.Measures.Count;

    private static double[] Measure(
        SpanQuestion question,
        SentenceProfile profile,
        bool[] matched,
        bool[] content,
        List<(int Start, int Length, SpanKinds Kind)> typed,
        List<(int Start, int Length)> quotes,
        (int Start, int Length)? rule,
        int start,
        int length,
        (bool Phrase, bool Gap) origin)
    {
        var tokens = profile.Tokens;
        var end = start + length;
        int first = -1, last = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].End > start && tokens[i].Start < end)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        var x = new double[SpanFeatures.Names.Count];
        var offset = Offset(question);
        void Set(string measure, double value) => x[offset + SpanFeatures.IndexOf(measure)] = value;

        var kind = SpanKinds.None;
        var holds = SpanKinds.None;
        foreach (var t in typed)
        {
            if (t.Start == start && t.Length == length)
            {
                kind |= t.Kind;
            }
            else if (t.Start >= start && t.Start + t.Length <= end)
            {
                holds |= t.Kind;
            }
        }

        var asked = question.Asked;
        Set(SpanFeatures.Rule, rule is { } r && r.Start == start && r.Length == length ? 1 : 0);
        Set(SpanFeatures.RuleOverlap, rule is { } o && !(o.Start == start && o.Length == length) && o.Start < end && start < o.Start + o.Length ? 1 : 0);
        Set(SpanFeatures.KindFits, asked != SpanKinds.None && (kind & asked) != 0 ? 1 : 0);
        Set(SpanFeatures.HoldsKind, asked != SpanKinds.None && (kind & asked) == 0 && (holds & asked) != 0 ? 1 : 0);
        Set(SpanFeatures.KindMissing, asked != SpanKinds.None && ((kind | holds) & asked) == 0 ? 1 : 0);
        Set(SpanFeatures.Entity, (kind & (SpanKinds.Person | SpanKinds.Organization | SpanKinds.Place)) != 0 ? 1 : 0);
        Set(SpanFeatures.Quoted, quotes.Any(q => q.Start <= start && end <= q.Start + q.Length) ? 1 : 0);
        Set(SpanFeatures.Phrase, origin.Phrase ? 1 : 0);
        Set(SpanFeatures.Gap, origin.Gap ? 1 : 0);
        if (first < 0)
        {
            return x;
        }

        int words = 0, said = 0;
        for (var i = first; i <= last; i++)
        {
            if (content[i])
            {
                words++;
                said += matched[i] ? 1 : 0;
            }
        }

        var before = first - 1;
        while (before >= 0 && !content[before])
        {
            before--;
        }

        var after = last + 1;
        while (after < tokens.Count && !content[after])
        {
            after++;
        }

        var distance = int.MaxValue;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (matched[i] && (i < first || i > last))
            {
                distance = Math.Min(distance, i < first ? first - i - 1 : i - last - 1);
            }
        }

        Set(SpanFeatures.QuestionShare, words > 0 ? (double)said / words : 0);
        Set(SpanFeatures.AfterQuestionWord, before >= 0 && matched[before] ? 1 : 0);
        Set(SpanFeatures.BeforeQuestionWord, after < tokens.Count && matched[after] ? 1 : 0);
        Set(SpanFeatures.Nearness, distance == int.MaxValue ? 0 : 1.0 / (1 + distance));
        Set(SpanFeatures.Length, Math.Min(words, MaxWords) / (double)MaxWords);
        Set(SpanFeatures.Opens, first == 0 ? 1 : 0);
        return x;
    }
}
