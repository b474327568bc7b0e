using System.Globalization;
using System.Text;

namespace StoryBot.Feedback;

/// <summary>
/// What the <c>feedback</c> command prints: counts, the dislike rate by intent and by story, the most
/// disliked questions with each reaction word and what was cited, and the near-ties. Pure: records in, text out.
/// </summary>
public static class FeedbackReport
{
    public const int MaxQuestions = 10;

    public static string Format(IReadOnlyList<FeedbackRecord> records, int retentionDays)
    {
        var ratings = records.Where(r => r.Reaction is FeedbackReaction.Like or FeedbackReaction.Dislike).ToList();
        var nearTies = records.Where(r => r.Reaction == FeedbackReaction.NearTie).ToList();
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Feedback of the last {retentionDays} days: {ratings.Count} rating(s), {Count(ratings, FeedbackReaction.Like)} like and {Count(ratings, FeedbackReaction.Dislike)} dislike; {nearTies.Count} near-tie(s).");
        if (ratings.Count > 0)
        {
            AppendRates(sb, "Dislike rate by intent:", ratings.GroupBy(r => r.Intent));
            AppendRates(sb, "Dislike rate by story:", ratings.GroupBy(r => r.Story));
            sb.AppendLine().AppendLine("Most disliked questions:");
            foreach (var q in ratings.GroupBy(r => (r.Story, Question: Normalize(r.Question), Cited: Cited(r)))
                         .OrderByDescending(g => Count(g, FeedbackReaction.Dislike)).ThenBy(g => Count(g, FeedbackReaction.Like)).ThenBy(g => g.Key.Question, StringComparer.Ordinal)
                         .Take(MaxQuestions))
            {
                var latest = q.OrderBy(r => r.Time).Last();
                var words = string.Join(", ", q.GroupBy(r => r.Reaction).OrderBy(g => g.Key == FeedbackReaction.Like).Select(g => $"{g.Key} ×{g.Count()}"));
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {words}: \"{latest.Question}\" ({latest.Intent}, confidence {latest.Confidence:0.00})");
                sb.AppendLine("      cited: " + q.Key.Cited);
                foreach (var comment in q.Select(r => r.Comment).OfType<string>().Distinct().Take(3))
                {
                    sb.AppendLine("      comment: \"" + OneLine(comment) + "\"");
                }
            }
        }

        if (nearTies.Count > 0)
        {
            sb.AppendLine().AppendLine("Near-ties (answered, though the two best sentences were nearly tied):");
            foreach (var r in nearTies.OrderByDescending(r => r.Time).Take(MaxQuestions))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  \"{r.Question}\" {r.Confidence:0.00} vs {r.RunnerUpConfidence:0.00}");
                sb.AppendLine("      cited: " + Cited(r));
                sb.AppendLine("      runner-up: " + (r.RunnerUp is { } c ? Describe(c) : "none"));
            }
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>What an answer cited, in one line: story, paragraph, sentence and text; or that it cited nothing.</summary>
    public static string Cited(FeedbackRecord record) =>
        record.Citations.Count == 0 ? "nothing (" + record.Intent + ")" : Describe(record.Citations[0]);

    private static string Describe(FeedbackCitation c) => $"{c.Story} paragraph {c.Paragraph}, sentence {c.Sentence}: \"{c.Text}\"";

    private static void AppendRates(StringBuilder sb, string title, IEnumerable<IGrouping<string, FeedbackRecord>> groups)
    {
        sb.AppendLine().AppendLine(title);
        foreach (var g in groups.OrderByDescending(g => (double)Count(g, FeedbackReaction.Dislike) / g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var dislikes = Count(g, FeedbackReaction.Dislike);
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {g.Key,-28} {dislikes} of {g.Count()} ({100.0 * dislikes / g.Count():0} %)");
        }
    }

    private static int Count(IEnumerable<FeedbackRecord> records, string reaction) => records.Count(r => r.Reaction == reaction);

    /// <summary>Questions that differ only in case, spacing or a final "?" are one question.</summary>
    public static string Normalize(string question) =>
        string.Join(' ', question.Trim().TrimEnd('?', '.', '!').ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
