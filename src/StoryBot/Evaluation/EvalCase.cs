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

    /// <summary>
    /// The messages sent in one conversation, the last graded: a follow-up's <c>turns</c>, or any case's <c>turns</c>
    /// when it has them ("who did trump fire?" → "lol" is smalltalk after an answer), else its one <c>question</c>.
    /// </summary>
    public List<string> Conversation() => Turns is { Count: > 0 } ? Turns : Kind == "followup" ? new List<string>() : new List<string> { Question ?? string.Empty };
}
