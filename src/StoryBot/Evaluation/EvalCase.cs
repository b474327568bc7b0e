using System.Text.Json.Serialization;

namespace StoryBot.Evaluation;

/// <summary>One case of a question set in the shared eval format (see shared/eval/README.md).</summary>
public sealed class EvalCase
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("kind")] public string Kind { get; set; } = string.Empty;
    [JsonPropertyName("question")] public string? Question { get; set; }
    [JsonPropertyName("turns")] public List<string>? Turns { get; set; }
    [JsonPropertyName("difficulty")] public string? Difficulty { get; set; }
    [JsonPropertyName("support")] public List<string>? Support { get; set; }
    [JsonPropertyName("answers")] public List<string>? Answers { get; set; }
    [JsonPropertyName("intent")] public string? Intent { get; set; }
}
