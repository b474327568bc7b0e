using System.Text.Json;
using System.Text.Json.Serialization;

namespace StoryBot.Evaluation;

/// <summary>A question set file: the article it is about and its cases.</summary>
public sealed class EvalSet
{
    [JsonPropertyName("article")] public string? Article { get; set; }
    [JsonPropertyName("cases")] public List<EvalCase> Cases { get; set; } = new();

    public static EvalSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The question set '{path}' does not exist.", path);
        }

        try
        {
            return JsonSerializer.Deserialize<EvalSet>(File.ReadAllText(path)) ?? new EvalSet();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The question set '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }
}
