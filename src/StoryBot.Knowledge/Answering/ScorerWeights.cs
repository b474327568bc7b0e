using System.Text.Json.Serialization;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// One fitted scorer. The <see cref="Ranker"/> orders a question's candidates (a listwise logistic model over
/// <see cref="AnswerFeatures.Names"/>); the <see cref="Calibrator"/> turns the top candidate's evidence
/// (<see cref="AnswerFeatures.ConfidenceNames"/>: its features, its share of the ranking and its lead over the
/// runner-up) into the probability that it answers the question, fitted on leave-one-story-out predictions.
/// </summary>
public sealed class ScorerWeights
{
    [JsonPropertyName("ranker")] public LinearModel Ranker { get; set; } = new();

    [JsonPropertyName("calibrator")] public LinearModel Calibrator { get; set; } = new();

    /// <summary>Below this calibrated probability the bot declines; chosen on validation folds.</summary>
    [JsonPropertyName("threshold")] public double Threshold { get; set; } = 0.5;

    /// <summary>
    /// How much closer a message must be to the nearest smalltalk example than to the best story sentence to be
    /// smalltalk (semantic variant only; null: the rules alone decide).
    /// </summary>
    [JsonPropertyName("intentMargin")] public double? IntentMargin { get; set; }

    /// <summary>Whether the ranker or the calibrator gives <paramref name="feature"/> (one of <see cref="AnswerFeatures.Names"/>) any weight.</summary>
    public bool Weighs(string feature) => WeightOf(Ranker, AnswerFeatures.Names, feature) != 0 || WeightOf(Calibrator, AnswerFeatures.ConfidenceNames, feature) != 0;

    private static double WeightOf(LinearModel model, IReadOnlyList<string> names, string feature)
    {
        for (var i = 0; i < names.Count && i < model.Weights.Count; i++)
        {
            if (names[i] == feature)
            {
                return model.Weights[i];
            }
        }

        return 0;
    }

    /// <summary>The calibrated probability that a candidate with these confidence inputs answers.</summary>
    public double Confidence(double[] confidenceInputs) => 1 / (1 + Math.Exp(-Calibrator.Score(confidenceInputs)));
}
