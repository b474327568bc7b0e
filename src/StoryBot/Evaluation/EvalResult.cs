namespace StoryBot.Evaluation;

/// <summary>The outcome of one case: pass or fail, what the bot replied, and whether the bold span matched.</summary>
public sealed record EvalResult(EvalCase Case, bool Passed, string Intent, bool Answered, double Confidence, string? CitedText, string? Span, bool? SpanMatched);
