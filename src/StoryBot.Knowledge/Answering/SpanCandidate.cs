namespace StoryBot.Knowledge.Answering;

/// <summary>One stretch of the cited sentence that might be the answer, with its features (<see cref="SpanFeatures.Names"/>).</summary>
public sealed record SpanCandidate(int Start, int Length, string Text, double[] Features);
