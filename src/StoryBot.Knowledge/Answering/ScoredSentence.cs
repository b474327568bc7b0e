using StoryBot.Knowledge.Analysis;

namespace StoryBot.Knowledge.Answering;

/// <summary>A candidate sentence with its ranking score, confidence (0..1) and the evidence behind them.</summary>
public sealed record ScoredSentence(SentenceProfile Profile, double Score, double Confidence, double Coverage, bool? TypeSatisfied, float LexicalScore);
