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

    private static readonly int Rule = SpanFeatures.IndexOf(SpanFeatures.Rule);
    private static readonly int RuleOverlap = SpanFeatures.IndexOf(SpanFeatures.RuleOverlap);
    private static readonly int KindFits = SpanFeatures.IndexOf(SpanFeatures.KindFits);
    private static readonly int HoldsKind = SpanFeatures.IndexOf(SpanFeatures.HoldsKind);
    private static readonly int KindMissing = SpanFeatures.IndexOf(SpanFeatures.KindMissing);
    private static readonly int Entity = SpanFeatures.IndexOf(SpanFeatures.Entity);
    private static readonly int QuestionShare = SpanFeatures.IndexOf(SpanFeatures.QuestionShare);
    private static readonly int AfterQuestionWord = SpanFeatures.IndexOf(SpanFeatures.AfterQuestionWord);
    private static readonly int BeforeQuestionWord = SpanFeatures.IndexOf(SpanFeatures.BeforeQuestionWord);
    private static readonly int Nearness = SpanFeatures.IndexOf(SpanFeatures.Nearness);
    private static readonly int Length = SpanFeatures.IndexOf(SpanFeatures.Length);
    private static readonly int Opens = SpanFeatures.IndexOf(SpanFeatures.Opens);
    private static readonly int Quoted = SpanFeatures.IndexOf(SpanFeatures.Quoted);
    private static readonly int Phrase = SpanFeatures.IndexOf(SpanFeatures.Phrase);
    private static readonly int Gap = SpanFeatures.IndexOf(SpanFeatures.Gap);
    private static readonly int Speaker = SpanFeatures.IndexOf(SpanFeatures.Speaker);

    /// <summary>The candidates for <paramref name="question"/> in <paramref name="profile"/>, in sentence order (for training and <c>--explain</c>).</summary>
    public static IReadOnlyList<SpanCandidate> Of(SpanQuestion question, SentenceProfile profile)
    {
        var sentence = Sentence.Of(question, profile);
        var candidates = new List<SpanCandidate>(sentence.Spans.Count);
        foreach (var span in sentence.Spans)
        {
            var x = new double[SpanFeatures.Names.Count];
            sentence.Measure(span, x);
            var (start, length) = Trimmed(profile.Sentence.Text, span.Start, span.Length);
            candidates.Add(new SpanCandidate(start, length, profile.Sentence.Text.Substring(start, length), x));
        }

        return candidates;
    }

    /// <summary>
    /// The candidate <paramref name="model"/> scores highest (the first in sentence order among equals), or null when the
    /// sentence has none: the same choice as the best of <see cref="Of"/>, without a vector or a string per candidate.
    /// </summary>
    public static (int Start, int Length)? Best(SpanQuestion question, SentenceProfile profile, LinearModel model)
    {
        var sentence = Sentence.Of(question, profile);
        var x = new double[SpanFeatures.Names.Count];
        (int Start, int Length)? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var span in sentence.Spans)
        {
            Array.Clear(x);
            sentence.Measure(span, x);
            var score = model.Score(x);
            if (score > bestScore)
            {
                (best, bestScore) = (Trimmed(profile.Sentence.Text, span.Start, span.Length), score);
            }
        }

        return best;
    }

    private static (int Start, int Length) Trimmed(string text, int start, int length)
    {
        var end = start + length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    /// <summary>Where a candidate came from: a typed stretch or the rules' pick (neither flag), a phrase, a gap.</summary>
    private readonly record struct Source(int Start, int Length, bool Phrase, bool Gap);

    /// <summary>One sentence read for one question: which words the question says, which carry content, and the candidates.</summary>
    private sealed class Sentence
    {
        private readonly SpanQuestion _question;
        private readonly SentenceProfile _profile;
        private readonly bool[] _matched;
        private readonly bool[] _content;
        private readonly (int Start, int Length)? _rule;
        private readonly int _offset;

        private Sentence(SpanQuestion question, SentenceProfile profile)
        {
            _question = question;
            _profile = profile;
            _offset = question.Class * SpanFeatures.Measures.Count;
            var tokens = profile.Tokens;
            var lower = profile.LowerTokens;
            var keys = profile.TokenNameKeys;
            _matched = new bool[tokens.Count];
            _content = new bool[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                _matched[i] = question.QuestionStems.Contains(profile.TokenStems[i]) || question.QuestionStems.Contains(keys[i]) || question.QuestionWords.Contains(lower[i]);
                _content[i] = !WordLists.FunctionWords.Contains(tokens[i].Text) && !WordLists.PhraseOpeners.Contains(tokens[i].Text) && HasLetterOrDigit(tokens[i].Text);
            }

            _rule = SpanFinder.Locate(question, profile);
        }

        public List<Source> Spans { get; } = new();

        public static Sentence Of(SpanQuestion question, SentenceProfile profile)
        {
            var sentence = new Sentence(question, profile);
            sentence.Collect();
            sentence.Spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
            return sentence;
        }

        private static bool HasLetterOrDigit(string word)
        {
            foreach (var c in word)
            {
                if (char.IsLetterOrDigit(c))
                {
                    return true;
                }
            }

            return false;
        }

        private void Collect()
        {
            var tokens = _profile.Tokens;
            if (tokens.Count == 0)
            {
                return;
            }

            foreach (var m in _profile.Mentions)
            {
                Add(m.Start, m.End - m.Start);
            }

            AddAll(_profile.TimeSpans);
            AddAll(_profile.DurationSpans);
            AddAll(_profile.NumberSpans);
            AddAll(_profile.AmountSpans);
            AddAll(_profile.QuoteSpans);
            if (_rule is { } r)
            {
                Add(r.Start, r.Length);
            }

            // Phrases: a new one at punctuation and at a preposition or conjunction; each alone and joined with the next.
            var from = 0;
            var previous = (From: -1, To: -1);
            for (var i = 1; i <= tokens.Count; i++)
            {
                if (i == tokens.Count || tokens[i - 1].PunctuationAfter || WordLists.PhraseOpeners.Contains(tokens[i].Text))
                {
                    AddWords(from, i - 1, phrase: true, gap: false);
                    if (previous.From >= 0 && !tokens[previous.To].PunctuationAfter)
                    {
                        AddWords(previous.From, i - 1, phrase: true, gap: false);
                    }

                    previous = (from, i - 1);
                    from = i;
                }
            }

            // Gaps: runs of words the question does not say, within a clause.
            foreach (var (first, last) in UnsaidRuns.Of(tokens, _matched))
            {
                AddWords(first, last, phrase: false, gap: true);
            }
        }

        private void AddAll(IReadOnlyList<(int Start, int Length)> spans)
        {
            for (var i = 0; i < spans.Count; i++)
            {
                Add(spans[i].Start, spans[i].Length);
            }
        }

        private void AddWords(int first, int last, bool phrase, bool gap)
        {
            var tokens = _profile.Tokens;
            while (first <= last && !_content[first])
            {
                first++;
            }

            last = Math.Min(last, first + MaxWords - 1);
            while (last >= first && !_content[last])
            {
                last--;
            }

            if (first <= last)
            {
                Add(tokens[first].Start, tokens[last].End - tokens[first].Start, phrase, gap);
            }
        }

        private void Add(int start, int length, bool phrase = false, bool gap = false)
        {
            if (length <= 0 || _profile.Sentence.Text.AsSpan(start, length).IsWhiteSpace())
            {
                return;
            }

            for (var k = 0; k < Spans.Count; k++)
            {
                if (Spans[k].Start == start && Spans[k].Length == length)
                {
                    Spans[k] = Spans[k] with { Phrase = Spans[k].Phrase || phrase, Gap = Spans[k].Gap || gap };
                    return;
                }
            }

            Spans.Add(new Source(start, length, phrase, gap));
        }

        /// <summary>The most words a phrase naming a group of people has ("the two residents").</summary>
        private const int GroupPhraseWords = 3;

        /// <summary>Whether the span is a short phrase ending in a noun for a group of people ("two residents", "striking workers").</summary>
        private static bool NamesAGroup(IReadOnlyList<WordToken> tokens, int first, int last, int end) =>
            first >= 0 && last - first < GroupPhraseWords && tokens[last].End == end && WordLists.GroupNouns.Contains(tokens[last].Text);

        /// <summary>The first and last token the span overlaps (-1, -1 when none).</summary>
        private static (int First, int Last) TokenRange(IReadOnlyList<WordToken> tokens, int start, int end)
        {
            int first = -1, last = -1;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].End > start && tokens[i].Start < end)
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            return (first, last);
        }

        /// <summary>Writes <paramref name="span"/>'s measures into its question class's block of <paramref name="x"/>.</summary>
        public void Measure(Source span, double[] x)
        {
            var tokens = _profile.Tokens;
            var (start, length) = (span.Start, span.Length);
            var end = start + length;
            var o = _offset;
            var kind = AnswerTags.None;
            var holds = AnswerTags.None;
            for (var i = 0; i < _profile.Mentions.Count; i++)
            {
                var m = _profile.Mentions[i];
                Classify(m.Start, m.End - m.Start, m.Entity.Kind switch
                {
                    EntityKind.Person => AnswerTags.Person,
                    EntityKind.Organization => AnswerTags.Organization,
                    _ => AnswerTags.Place,
                });
            }

            ClassifyAll(_profile.TimeSpans, AnswerTags.Time);
            ClassifyAll(_profile.DurationSpans, AnswerTags.Duration);
            ClassifyAll(_profile.NumberSpans, AnswerTags.Number);
            ClassifyAll(_profile.AmountSpans, AnswerTags.Money);
            ClassifyAll(_profile.QuoteSpans, AnswerTags.Quotation);
            var quoted = false;
            for (var i = 0; i < _profile.QuoteSpans.Count; i++)
            {
                var q = _profile.QuoteSpans[i];
                quoted |= q.Start <= start && end <= q.Start + q.Length;
            }

            var (first, last) = TokenRange(tokens, start, end);
            if (NamesAGroup(tokens, first, last, end))
            {
                kind |= AnswerTags.Person; // "two residents" answers "who was hospitalized" as a name would
            }

            var asked = _question.Asked;
            var isRule = _rule is { } r && r.Start == start && r.Length == length;
            x[o + Rule] = isRule ? 1 : 0;
            x[o + RuleOverlap] = !isRule && _rule is { } p && p.Start < end && start < p.Start + p.Length ? 1 : 0;
            x[o + KindFits] = asked != AnswerTags.None && (kind & asked) != 0 ? 1 : 0;
            x[o + HoldsKind] = asked != AnswerTags.None && (kind & asked) == 0 && (holds & asked) != 0 ? 1 : 0;
            x[o + KindMissing] = asked != AnswerTags.None && ((kind | holds) & asked) == 0 ? 1 : 0;
            x[o + Entity] = (kind & (AnswerTags.Person | AnswerTags.Organization | AnswerTags.Place)) != 0 ? 1 : 0;
            x[o + Quoted] = quoted ? 1 : 0;
            x[o + Phrase] = span.Phrase ? 1 : 0;
            x[o + Gap] = span.Gap ? 1 : 0;

            if (first < 0)
            {
                return;
            }

            int words = 0, said = 0;
            for (var i = first; i <= last; i++)
            {
                if (_content[i])
                {
                    words++;
                    said += _matched[i] ? 1 : 0;
                }
            }

            var before = first - 1;
            while (before >= 0 && !_content[before])
            {
                before--;
            }

            var after = last + 1;
            while (after < tokens.Count && !_content[after])
            {
                after++;
            }

            var distance = int.MaxValue;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (_matched[i] && (i < first || i > last))
                {
                    distance = Math.Min(distance, i < first ? first - i - 1 : i - last - 1);
                }
            }

            x[o + QuestionShare] = words > 0 ? (double)said / words : 0;
            x[o + AfterQuestionWord] = before >= 0 && _matched[before] ? 1 : 0;
            x[o + BeforeQuestionWord] = after < tokens.Count && _matched[after] ? 1 : 0;
            x[o + Nearness] = distance == int.MaxValue ? 0 : 1.0 / (1 + distance);
            x[o + Length] = Math.Min(words, MaxWords) / (double)MaxWords;
            x[o + Opens] = first == 0 ? 1 : 0;
            var speechVerbAt = _profile.Cues.SpeechVerbAt;
            x[o + Speaker] = !_question.Question.AsksForSpeech && ((before >= 0 && speechVerbAt[before]) || (after < tokens.Count && speechVerbAt[after])) ? 1 : 0;

            void ClassifyAll(IReadOnlyList<(int Start, int Length)> spans, AnswerTags as_)
            {
                for (var i = 0; i < spans.Count; i++)
                {
                    Classify(spans[i].Start, spans[i].Length, as_);
                }
            }

            void Classify(int s, int l, AnswerTags as_)
            {
                if (s == start && l == length)
                {
                    kind |= as_;
                }
                else if (s >= start && s + l <= end)
                {
                    holds |= as_;
                }
            }
        }
    }
}
