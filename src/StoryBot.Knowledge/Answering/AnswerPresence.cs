namespace StoryBot.Knowledge.Answering;

/// <summary>
/// Whether a sentence holds a phrase that answers the question, read from the span model's scores of the sentence's
/// candidate spans (<see cref="SpanCandidates"/>): the calibrator's <see cref="AnswerFeatures.AnswerPresence"/> input.
/// The other inputs say how well the sentence matches the question's words and meaning; an unanswerable question about
/// the story's people matches as well as an answerable one, and what tells them apart is whether the sentence holds
/// something of the kind asked for, said next to what the question says — what the span model scores.
/// Scores are added one at a time so that the answer path needs no list of them.
/// </summary>
public struct AnswerPresence
{
    private double _best;
    private double _second;
    private double _sum; // Σ exp(score − _best)
    private int _count;

    /// <summary>Adds one candidate span's score.</summary>
    public void Add(double score)
    {
        if (_count == 0)
        {
            (_best, _second, _sum) = (score, double.NegativeInfinity, 1);
        }
        else if (score > _best)
        {
            _sum = (_sum * Math.Exp(_best - score)) + 1;
            (_second, _best) = (_best, score);
        }
        else
        {
            _sum += Math.Exp(score - _best);
            _second = Math.Max(_second, score);
        }

        _count++;
    }

    /// <summary>The best candidate's score: how answer-like the most answer-like stretch is (0 when there is none).</summary>
    public readonly double BestScore => _count == 0 ? 0 : _best;

    /// <summary>The best candidate's softmax share among the sentence's candidates (0 when there is none).</summary>
    public readonly double BestShare => _count == 0 ? 0 : 1 / _sum;

    /// <summary>The best candidate's lead over the runner-up (its own score when it is alone, 0 when there is none).</summary>
    public readonly double BestMargin => _count == 0 ? 0 : _count == 1 ? _best : _best - _second;

    /// <summary>
    /// The value the calibrator reads. Experiment only: the three formulations measured are chosen by the environment
    /// variable STORYBOT_PRESENCE (score, share, margin: the default); "off" leaves the input out of the calibrator.
    /// </summary>
    public readonly double Value => Environment.GetEnvironmentVariable("STORYBOT_PRESENCE") switch
    {
        "score" => BestScore,
        "share" => BestShare,
        _ => BestMargin,
    };

    /// <summary>The presence over <paramref name="spans"/>' feature vectors scored by <paramref name="model"/> (for the trainer).</summary>
    public static double Of(IReadOnlyList<double[]> spans, LinearModel model)
    {
        var presence = default(AnswerPresence);
        foreach (var x in spans)
        {
            presence.Add(model.Score(x));
        }

        return presence.Value;
    }
}
