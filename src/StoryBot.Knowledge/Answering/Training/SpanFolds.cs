namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// The span model's fitting, over the measured span cases, for any subset of the stories: what <see cref="SpanTrainer"/>
/// validates and commits, and what the scorer trainer needs for the calibrator's <see cref="AnswerFeatures.AnswerPresence"/>
/// input — a story's questions must get that input from a span model fitted without the story (and, nested, without the
/// story left out of the whole procedure too), just as their rank scores come from a ranker fitted without it.
/// Each fit chooses its regularisation leave-one-story-out on its own stories. Deterministic; fits are kept by the
/// stories left out, so each is made once.
/// </summary>
internal sealed class SpanFolds
{
    private static readonly double[] L2Choices = { 0.1, 1, 10, 100 };

    private readonly FeatureScaling _scaling;
    private readonly Dictionary<string, double> _weightOf;
    private readonly Dictionary<string, LinearModel> _without = new(StringComparer.Ordinal);

    public SpanFolds(IReadOnlyList<SpanTrainer.Sample> samples)
    {
        _scaling = FeatureScaling.Fit(samples.SelectMany(s => s.X).ToList(), SpanFeatures.Names, semantic: true);
        Scaled = samples.Select(s => s with { X = s.X.Select(_scaling.Apply).ToArray() }).ToList();
        _weightOf = Scaled.GroupBy(s => s.Group).ToDictionary(g => g.Key, g => 1 / Math.Sqrt(g.Count()));
    }

    /// <summary>The cases with their features standardised over all of them (label-free, so shared by every fit).</summary>
    public IReadOnlyList<SpanTrainer.Sample> Scaled { get; }

    /// <summary>Weights over the standardised features, fitted on <paramref name="part"/> (zero when it is empty).</summary>
    public double[] Fit(IEnumerable<SpanTrainer.Sample> part, double l2)
    {
        var rows = part.ToList();
        return rows.Count == 0 ? new double[SpanFeatures.Names.Count] : ListwiseRegression.Fit(rows.Select(s => (s.X, s.Right)).ToList(), l2, rows.Select(s => _weightOf[s.Group]).ToList());
    }

    /// <summary>Whether each case of <paramref name="pool"/>'s first span is right by a model fitted without its story.</summary>
    public Dictionary<SpanTrainer.Sample, bool> OutOfFold(IReadOnlyList<SpanTrainer.Sample> pool, double l2)
    {
        var result = new Dictionary<SpanTrainer.Sample, bool>();
        foreach (var group in pool.Select(s => s.Group).Distinct())
        {
            var w = Fit(pool.Where(s => s.Group != group), l2);
            foreach (var s in pool.Where(s => s.Group == group))
            {
                result[s] = FirstIsRight(s, w);
            }
        }

        return result;
    }

    /// <summary>The regularisation whose out-of-fold first spans are right most often on <paramref name="pool"/>.</summary>
    public double BestL2(IReadOnlyList<SpanTrainer.Sample> pool) => L2Choices.MaxBy(l2 => OutOfFold(pool, l2).Count(kv => kv.Value));

    /// <summary>The span model (over raw features) fitted on every story but <paramref name="groups"/>, its regularisation chosen on those stories alone.</summary>
    public LinearModel Without(IEnumerable<string> groups)
    {
        var left = groups.Distinct().Order(StringComparer.Ordinal).ToList();
        var key = string.Join("\u0001", left);
        if (!_without.TryGetValue(key, out var model))
        {
            var rest = Scaled.Where(s => !left.Contains(s.Group)).ToList();
            model = _scaling.Model(Fit(rest, BestL2(rest)), 0);
            _without[key] = model;
        }

        return model;
    }

    /// <summary>Weights over standardised features as a model over raw ones.</summary>
    public LinearModel Model(double[] weights) => _scaling.Model(weights, 0);

    public static bool FirstIsRight(SpanTrainer.Sample sample, double[] w)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < sample.X.Length; k++)
        {
            var score = ListwiseRegression.Dot(w, sample.X[k]);
            if (score > bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }

        return best >= 0 && sample.Right[best];
    }
}
