using System.Text;

namespace StoryBot.Evaluation;

/// <summary>Pass rates per kind and per difficulty, span accuracy, and the list of failures, printable as a table.</summary>
public sealed class EvalReport
{
    public EvalReport(IReadOnlyList<EvalResult> results) => Results = results;

    public IReadOnlyList<EvalResult> Results { get; }

    public double Rate(string kind, string? difficulty = null)
    {
        var cases = Results.Where(r => r.Case.Kind == kind && (difficulty is null || r.Case.Difficulty == difficulty)).ToList();
        return cases.Count == 0 ? double.NaN : (double)cases.Count(r => r.Passed) / cases.Count;
    }

    /// <summary>Answerable questions the bot declined, as a share of all answerable questions.</summary>
    public double WronglyDeclined
    {
        get
        {
            var answerable = Results.Where(r => r.Case.Kind == "answerable").ToList();
            return answerable.Count == 0 ? double.NaN : (double)answerable.Count(r => r.Intent == "noAnswer") / answerable.Count;
        }
    }

    public (int Matched, int Total) Spans =>
        (Results.Count(r => r.SpanMatched == true), Results.Count(r => r.SpanMatched is not null));

    public string Format(bool withFailures = true)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| kind | difficulty | cases | passed | rate |");
        sb.AppendLine("|---|---|---:|---:|---:|");
        foreach (var kind in new[] { "answerable", "unanswerable", "smalltalk", "followup" })
        {
            var cases = Results.Where(r => r.Case.Kind == kind).ToList();
            if (cases.Count == 0)
            {
                continue;
            }

            Row(sb, kind, "all", cases);
            if (kind == "answerable")
            {
                foreach (var d in new[] { "easy", "medium", "hard" })
                {
                    var subset = cases.Where(r => r.Case.Difficulty == d).ToList();
                    if (subset.Count > 0)
                    {
                        Row(sb, kind, d, subset);
                    }
                }
            }
        }

        Row(sb, "total", "all", Results.ToList());
        var (matched, total) = Spans;
        sb.AppendLine();
        sb.AppendLine($"Answerable wrongly declined: {WronglyDeclined:P1}");
        sb.AppendLine($"Bold span matches an expected answer: {matched}/{total} ({(total == 0 ? 0 : (double)matched / total):P1})");
        if (withFailures)
        {
            var failures = Results.Where(r => !r.Passed).ToList();
            sb.AppendLine();
            sb.AppendLine(failures.Count == 0 ? "No failures." : $"Failures ({failures.Count}):");
            foreach (var f in failures)
            {
                sb.AppendLine($"- {f.Case.Id} [{f.Case.Kind}{(f.Case.Difficulty is null ? string.Empty : "/" + f.Case.Difficulty)}] {Asked(f.Case)}");
                var expected = f.Case.Kind switch
                {
                    "unanswerable" => "a decline",
                    "smalltalk" => $"intent {f.Case.Intent}",
                    _ => string.Join(" | ", f.Case.Support ?? new List<string>()),
                };
                sb.AppendLine($"    expected: {expected}");
                sb.AppendLine($"    got:      {f.Intent} (confidence {f.Confidence:0.00}){(f.CitedText is null ? string.Empty : ": " + f.CitedText)}");
            }

            // The right sentence with the wrong words in bold: what the span finder, not the ranker, got wrong.
            var spanMisses = Results.Where(r => r.Passed && r.SpanMatched == false).ToList();
            if (spanMisses.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine($"Right sentence, bold span not an expected answer ({spanMisses.Count}):");
                foreach (var m in spanMisses)
                {
                    sb.AppendLine($"- {m.Case.Id} {Asked(m.Case)}: bold {(m.Span is null ? "nothing" : $"\"{m.Span}\"")}, expected {string.Join(" | ", m.Case.Answers!.Select(a => $"\"{a}\""))}");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>What the case asks: its question, or its conversation's turns.</summary>
    private static string Asked(EvalCase c) => c.Question ?? string.Join(" → ", c.Turns ?? new List<string>());

    private static void Row(StringBuilder sb, string kind, string difficulty, List<EvalResult> cases)
    {
        var passed = cases.Count(r => r.Passed);
        sb.AppendLine($"| {kind} | {difficulty} | {cases.Count} | {passed} | {(double)passed / cases.Count:P1} |");
    }
}
