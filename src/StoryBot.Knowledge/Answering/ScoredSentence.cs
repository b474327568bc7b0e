using StoryBot.Knowledge.Analysis;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// A candidate sentence: the scorer's score (a logit), the calibrated probability that it answers, and the
/// evidence behind them (coverage, the answer-type check, Lucene's score and the whole feature vector, named by
/// <see cref="AnswerFeatures.Names"/>).
/// </summary>
public sealed record ScoredSentence(SentenceProfile Profile, double Score, double Confidence, double Coverage, bool? TypeSatisfied, float LexicalScore, double[] Features)
{
    /// <summary>What the calibrator weighed (<see cref="AnswerFeatures.ConfidenceNames"/>).</summary>
    public double[] ConfidenceInputs { get; init; } = Array.Empty<double>();
}
