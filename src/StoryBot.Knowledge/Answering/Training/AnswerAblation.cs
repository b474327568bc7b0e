using System.Text.RegularExpressions;
using StoryBot.Knowledge.Analysis;

namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// Synthetic unanswerable examples for the calibrator: an answerable case asked of its story with the sentences that
/// answer it taken out. The top candidate of that ranking shares the question's words and entities but does not hold
/// what is asked, which is what the hard unanswerable questions look like ("who will be the next FBI director?"), and
/// the training pool has only a few dozen real ones. General by construction: nothing here knows a story or a word.
/// </summary>
public static class AnswerAblation
{
    /// <summary>
    /// Whether a case gives a synthetic example: a single question the story answers. Follow-ups are left out (what the
    /// earlier turns left in memory would point at the removed sentence), smalltalk and unanswerable cases have no
    /// answer sentence to remove.
    /// </summary>
    public static bool Applies(TrainingCase c) => c.Kind == "answerable" && c.Support.Count > 0;

    /// <summary>
    /// The sentences to remove for <paramref name="c"/>: every sentence holding one of its <c>support</c> substrings
    /// (the right citations, by the trainer's own rule), and, to keep wrong labels out, every sentence holding one of
    /// its expected <c>answers</c> as whole words (ignoring case) — another sentence stating the answer may answer it
    /// too. An expected answer the question itself says is not used: it marks the topic, not the answer, and would
    /// remove most of the story.
    /// </summary>
    public static Func<SentenceProfile, bool> Excluded(TrainingCase c)
    {
        var question = c.Turns[^1];
        var answers = (c.Answers ?? Array.Empty<string>())
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => new Regex($@"(?<!\w){Regex.Escape(a.Trim())}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .Where(a => !a.IsMatch(question))
            .ToList();
        return profile =>
        {
            var text = profile.Sentence.Text;
            return c.Support.Any(s => text.Contains(s, StringComparison.Ordinal)) || answers.Any(a => a.IsMatch(text));
        };
    }

    /// <summary>The synthetic case: the same question, labelled unanswerable, so every candidate is a wrong citation.</summary>
    public static TrainingCase Negative(TrainingCase c) => c with { Id = c.Id + "#ablated", Kind = "unanswerable", Support = Array.Empty<string>() };
}
