using Microsoft.Bot.Schema;
using StoryBot.Hosting;
using StoryBot.Rendering;

namespace StoryBot.Evaluation;

/// <summary>
/// Runs a question set through the bot's real turn pipeline (adapter, handler, state, rendering) with a
/// fresh conversation per case and every turn of a follow-up in one conversation, and grades the
/// replies' <c>storybot.reply</c> entities by the rules of shared/eval/README.md.
/// </summary>
public sealed class EvalRunner
{
    private readonly InProcessTurnClient _client;

    public EvalRunner(InProcessTurnClient client) => _client = client;

    public async Task<EvalReport> RunAsync(EvalSet set, CancellationToken cancellationToken = default)
    {
        var results = new List<EvalResult>();
        foreach (var c in set.Cases)
        {
            var conversation = "eval-" + c.Id + "-" + Guid.NewGuid().ToString("N")[..8];
            var turns = c.Conversation();
            IReadOnlyList<Activity> replies = Array.Empty<Activity>();
            foreach (var turn in turns)
            {
                replies = await _client.AskAsync(conversation, turn, "emulator", cancellationToken);
            }

            results.Add(Grade(c, replies));
        }

        return new EvalReport(results);
    }

    private static EvalResult Grade(EvalCase c, IReadOnlyList<Activity> replies)
    {
        var entity = replies.Select(ReplyEntity.Read).LastOrDefault(e => e is not null);
        var intent = entity?["intent"]?.ToString() ?? "none";
        var answered = entity?["answered"]?.ToObject<bool>() ?? false;
        var confidence = entity?["confidence"]?.ToObject<double>() ?? 0;
        var first = answered ? entity?["citations"]?.FirstOrDefault() : null;
        var cited = first?["text"]?.ToString();
        var span = first?["span"]?.Type == Newtonsoft.Json.Linq.JTokenType.String ? first["span"]!.ToString() : null;

        bool passed = c.Kind switch
        {
            "answerable" or "followup" => cited is not null && (c.Support ?? new List<string>()).Any(s => cited.Contains(s, StringComparison.Ordinal)),
            "unanswerable" => !answered && intent == "noAnswer",
            "smalltalk" => intent == c.Intent && !answered,
            _ => false,
        };

        bool? spanMatched = null;
        if (c.Answers is { Count: > 0 } && span is not null)
        {
            spanMatched = StoryBot.Knowledge.Answering.SpanMatch.MatchesAny(span, c.Answers);
        }
        else if (c.Answers is { Count: > 0 } && passed)
        {
            spanMatched = false;
        }

        return new EvalResult(c, passed, intent, answered, confidence, cited, span, spanMatched);
    }
}
