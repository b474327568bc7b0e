using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The fitted scoring model, read from one JSON file at start (<c>Answer:ModelPath</c>) and written by the
/// <c>train</c> command: per variant (with and without the semantic signal) the feature scaling, the logistic
/// weights, the Platt calibration that turns the top candidate's score into the probability that it answers,
/// and the decline threshold chosen on validation data. Nothing here is tuned by hand.
/// </summary>
public sealed class AnswerModel
{
    /// <summary>Variant used when the semantic signal is on.</summary>
    public const string SemanticVariant = "semantic";

    /// <summary>Variant used in lexical-only mode.</summary>
    public const string LexicalVariant = "lexical";

    [JsonPropertyName("version")] public int Version { get; set; } = 1;

    [JsonPropertyName("features")] public List<string> Features { get; set; } = new();

    [JsonPropertyName("variants")] public Dictionary<string, ScorerWeights> Variants { get; set; } = new();

    /// <summary>The span features <see cref="Span"/> was fitted for (<see cref="SpanFeatures.Names"/>).</summary>
    [JsonPropertyName("spanFeatures")] public List<string>? SpanFeatures { get; set; }

    /// <summary>
    /// Chooses the answer to show in bold among a cited sentence's candidate spans (a listwise logistic model over
    /// <see cref="SpanFeatures"/>, fitted by <c>train</c> on the cases' expected answers). Null only while
    /// <c>train</c> fits the scorer, before the span model itself is fitted: then the type rules' pick is shown.
    /// </summary>
    [JsonPropertyName("span")] public LinearModel? Span { get; set; }

    /// <summary>How the model was fitted (sets, folds, validation scores): for people, not read by the bot.</summary>
    [JsonPropertyName("training")] public Dictionary<string, JsonElement>? Training { get; set; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Loads and checks a model file; a missing or malformed file is a clear error, not a silent default.</summary>
    public static AnswerModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The answer model '{path}' does not exist (Answer:ModelPath; the train command writes it).", path);
        }

        AnswerModel? model;
        try
        {
            model = JsonSerializer.Deserialize<AnswerModel>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The answer model '{path}' is not valid JSON: {ex.Message}", ex);
        }

        if (model is null || !model.Features.SequenceEqual(AnswerFeatures.Names))
        {
            throw new InvalidDataException($"The answer model '{path}' was fitted for other features; run the train command again.");
        }

        if (model.Span is null || model.SpanFeatures is null || !model.SpanFeatures.SequenceEqual(Answering.SpanFeatures.Names) || !model.Span.Fits(Answering.SpanFeatures.Names.Count))
        {
            throw new InvalidDataException($"The answer model '{path}' has no span model for today's span features; run the train command again.");
        }

        foreach (var (name, variant) in model.Variants)
        {
            if (!variant.Ranker.Fits(AnswerFeatures.Names.Count) || !variant.Calibrator.Fits(AnswerFeatures.ConfidenceNames.Count))
            {
                throw new InvalidDataException($"The answer model '{path}' variant '{name}' does not have one weight, mean and scale per input.");
            }
        }

        return model;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The weights for the semantic or the lexical-only mode.</summary>
    public ScorerWeights Variant(bool semantic)
    {
        var name = semantic ? SemanticVariant : LexicalVariant;
        return Variants.TryGetValue(name, out var variant)
            ? variant
            : throw new InvalidDataException($"The answer model has no '{name}' variant; run the train command.");
    }
}
