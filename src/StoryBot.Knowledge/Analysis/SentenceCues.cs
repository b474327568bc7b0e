using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Knowledge.Analysis;

/// <summary>
/// What the answer-type checks read from a sentence's own text with regular expressions: whether it reports speech,
/// gives a reason or describes a location, which of its words are speech verbs, and which places follow a locative
/// preposition outside a person's title. All of it depends only on the sentence, so it is worked out once per
/// sentence (<see cref="SentenceProfile.Cues"/>) instead of re-running the patterns over every candidate of every
/// question; each value is exactly what the pattern said at the point of use.
/// </summary>
public sealed class SentenceCues
{
    private SentenceCues(bool reportsSpeech, bool givesReason, bool describesLocation, bool[] speechVerbAt, bool[] placeAfterLocative, bool[] placeInTitle, bool[]? openAt, bool[]? requestedAt)
    {
        OpenAt = openAt;
        RequestedAt = requestedAt;
        ReportsSpeech = reportsSpeech;
        GivesReason = givesReason;
        DescribesLocation = describesLocation;
        SpeechVerbAt = speechVerbAt;
        PlaceAfterLocative = placeAfterLocative;
        PlaceInTitle = placeInTitle;
    }

    /// <summary>The sentence has a speech verb or a quotation long enough to be what someone said.</summary>
    public bool ReportsSpeech { get; }

    /// <summary>The sentence has a reason marker (because, in response, amid …).</summary>
    public bool GivesReason { get; }

    /// <summary>The sentence describes a location ("at a Syrian air base"), <see cref="AnswerSelector.LocationPhrase"/>.</summary>
    public bool DescribesLocation { get; }

    /// <summary>Per token of <see cref="SentenceProfile.Tokens"/>: the word is a speech verb.</summary>
    public IReadOnlyList<bool> SpeechVerbAt { get; }

    /// <summary>Per mention of <see cref="SentenceProfile.Mentions"/>: a locative preposition ("in", "at the") ends the text before it.</summary>
    public IReadOnlyList<bool> PlaceAfterLocative { get; }

    /// <summary>Per mention: it starts inside a person's title written before that person's name ("Ambassador to the US").</summary>
    public IReadOnlyList<bool> PlaceInTitle { get; }

    /// <summary>
    /// Per token of <see cref="SentenceProfile.Tokens"/>: the word stands in a clause the sentence leaves open ("he did
    /// not say whether <b>the hiring deadline would be extended</b>"); null when the sentence has no such clause (most).
    /// </summary>
    public IReadOnlyList<bool>? OpenAt { get; }

    /// <summary>
    /// Per token: the word stands in what someone asked another to do ("asked Judge Finch <b>to order the strikers back
    /// to work</b>"), which the sentence does not say was done; null when the sentence asks nobody to do anything.
    /// </summary>
    public IReadOnlyList<bool>? RequestedAt { get; }

    /// <summary>How many words after a request verb its "to" may stand ("asked Tallow County Common Pleas Judge Harold Finch to").</summary>
    public const int RequestReach = 8;

    /// <summary>How many words before a question word a negation or a word of not knowing may stand ("not yet known how").</summary>
    public const int OpenCueReach = 4;

    /// <summary>The minimum length of a quotation that counts as reported speech without a speech verb.</summary>
    public const int SpeechQuotationLength = 25;

    /// <summary>Runs the patterns over <paramref name="profile"/>'s sentence once.</summary>
    public static SentenceCues Of(SentenceProfile profile)
    {
        var text = profile.Sentence.Text;
        var titleSpans = profile.Mentions
            .Where(m => m.Entity.Kind == EntityKind.Person && m.Entity.Title.Length > 0)
            .Select(m => (Start: text.LastIndexOf(m.Entity.Title, m.Start, StringComparison.Ordinal), End: m.Start))
            .Where(t => t.Start >= 0)
            .ToList();
        var mentions = profile.Mentions;
        var afterLocative = new bool[mentions.Count];
        var inTitle = new bool[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            afterLocative[i] = AnswerSelector.LocativeBefore().IsMatch(text[..m.Start]);
            inTitle[i] = titleSpans.Any(t => m.Start >= t.Start && m.Start < t.End);
        }

        return new SentenceCues(
            WordLists.SpeechVerb.IsMatch(text) || profile.QuoteSpans.Any(q => q.Length >= SpeechQuotationLength),
            WordLists.ReasonMarker.IsMatch(text),
            AnswerSelector.LocationPhrase().IsMatch(text),
            profile.Tokens.Select(t => WordLists.SpeechVerb.IsMatch(t.Text)).ToArray(),
            afterLocative,
            inTitle,
            OpenClauses(profile.Tokens),
            Requested(profile.Tokens));
    }

    /// <summary>Marks each token from the "to" after a request verb, within one clause, to the clause's end; null when there is none.</summary>
    private static bool[]? Requested(IReadOnlyList<WordToken> tokens)
    {
        bool[]? requested = null;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (!WordLists.Requests(tokens[i].Lower))
            {
                continue;
            }

            for (var j = i + 1; j <= Math.Min(tokens.Count - 1, i + RequestReach) && !tokens[j - 1].PunctuationAfter; j++)
            {
                if (tokens[j].Lower == "to")
                {
                    // to the clause's end, or to a conjunction: "urged both sides to return … and offered City Hall" offered
                    MarkToClauseEnd(requested ??= new bool[tokens.Count], tokens, j, WordLists.EndsRequest);
                    break;
                }
            }
        }

        return requested;
    }

    /// <summary>Marks the tokens from <paramref name="from"/> to the clause's end, or to the first word <paramref name="endsAt"/> says ends it.</summary>
    private static void MarkToClauseEnd(bool[] marks, IReadOnlyList<WordToken> tokens, int from, Func<string, bool>? endsAt = null)
    {
        for (var j = from; j < tokens.Count && (endsAt is null || !endsAt(tokens[j].Lower)); j++)
        {
            marks[j] = true;
            if (tokens[j].PunctuationAfter)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Marks each token from a question word that a negation or a word of not knowing shortly precedes, within one
    /// clause, to the clause's end (<c>open-clauses.txt</c>); null when there is none.
    /// </summary>
    private static bool[]? OpenClauses(IReadOnlyList<WordToken> tokens)
    {
        bool[]? open = null;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!WordLists.OpensClause(tokens[i].Lower) || !CueBefore(tokens, i))
            {
                continue;
            }

            open ??= new bool[tokens.Count];
            MarkToClauseEnd(open, tokens, i);
        }

        return open;
    }

    /// <summary>Whether a word within <see cref="OpenCueReach"/> before <paramref name="opener"/>, in the same clause, leaves it open.</summary>
    private static bool CueBefore(IReadOnlyList<WordToken> tokens, int opener)
    {
        for (var k = opener - 1; k >= Math.Max(0, opener - OpenCueReach) && !tokens[k].PunctuationAfter; k--)
        {
            if (WordLists.LeavesOpen(tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }
}
