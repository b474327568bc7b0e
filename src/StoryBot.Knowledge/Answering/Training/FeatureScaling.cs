namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// Each input's mean and spread over the training rows, so that one regularisation strength treats every input
/// alike; an input that does not vary (or, in the lexical variant, needs the semantic signal) gets scale 0 and drops out.
/// Shared by the ranker, the calibrator and the span model.
/// </summary>
internal sealed record FeatureScaling(double[] Mean, double[] Scale)
{
    /// <summary>The scaling of <paramref name="rows"/>; inputs in <see cref="AnswerFeatures.SemanticOnly"/> drop out unless <paramref name="semantic"/>.</summary>
    public static FeatureScaling Fit(IReadOnlyList<double[]> rows, IReadOnlyList<string> names, bool semantic)
    {
        var n = names.Count;
        var mean = new double[n];
        var scale = new double[n];
        for (var i = 0; i < n; i++)
        {
            var column = rows.Select(r => r[i]).ToList();
            mean[i] = column.Count > 0 ? column.Average() : 0;
            var sd = column.Count > 1 ? Math.Sqrt(column.Sum(v => (v - mean[i]) * (v - mean[i])) / column.Count) : 0;
            scale[i] = sd > 1e-9 && (semantic || !AnswerFeatures.SemanticOnly.Contains(names[i])) ? sd : 0;
        }

        return new FeatureScaling(mean, scale);
    }

    public double[] Apply(double[] x) => x.Select((v, i) => Scale[i] > 0 ? (v - Mean[i]) / Scale[i] : 0).ToArray();

    public LinearModel Model(double[] weights, double bias) => new() { Mean = Mean.ToList(), Scale = Scale.ToList(), Weights = weights.ToList(), Bias = bias };
}
