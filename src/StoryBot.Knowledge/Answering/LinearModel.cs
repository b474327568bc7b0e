using System.Text.Json.Serialization;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// A fitted linear model over named inputs: standardise each input ((x − mean) / scale; scale 0 drops it), weigh
/// it, add the bias. Used twice: the ranker's score per candidate and the calibrator's logit for the top one.
/// </summary>
public sealed class LinearModel
{
    [JsonPropertyName("mean")] public List<double> Mean { get; set; } = new();

    [JsonPropertyName("scale")] public List<double> Scale { get; set; } = new();

    [JsonPropertyName("weights")] public List<double> Weights { get; set; } = new();

    [JsonPropertyName("bias")] public double Bias { get; set; }

    /// <summary>An all-zero model over <paramref name="inputs"/> inputs (every score equal).</summary>
    public static LinearModel Zero(int inputs) => new()
    {
        Mean = new double[inputs].ToList(),
        Scale = Enumerable.Repeat(1.0, inputs).ToList(),
        Weights = new double[inputs].ToList(),
    };

    public double Score(double[] inputs)
    {
        var z = Bias;
        for (var i = 0; i < inputs.Length; i++)
        {
            z += Contribution(inputs, i);
        }

        return z;
    }

    /// <summary>Input <paramref name="i"/>'s share of <see cref="Score"/>, for <c>ask --explain</c>.</summary>
    public double Contribution(double[] inputs, int i) => Scale[i] > 0 ? Weights[i] * (inputs[i] - Mean[i]) / Scale[i] : 0;

    public bool Fits(int inputs) => Mean.Count == inputs && Scale.Count == inputs && Weights.Count == inputs;
}
