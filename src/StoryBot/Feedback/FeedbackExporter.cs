using System.Text.Json.Nodes;
using StoryBot.Evaluation;

namespace StoryBot.Feedback;

/// <summary>
/// <c>feedback --export DIR</c>: one evaluation set per story, <c>DIR/{story}/questions.json</c> in the shared
/// eval format beside a copy of the story as <c>story.txt</c> (so <c>eval</c> serves that story). Each rated
/// or near-tied question is one case with the question, what was cited in a field of its own, the reactions,
/// and <c>kind</c> and <c>support</c> left empty: a person decides what the right answer is. Once they are set
/// the file runs in <c>eval</c>, and copied under <c>eval/train/</c> it joins the scorer's training pool.
/// </summary>
public static class FeedbackExporter
{
    /// <summary>Writes the sets; returns (story, cases, path) per file written. <paramref name="storyFile"/> finds a story's text by id (null: not found).</summary>
    public static IReadOnlyList<(string Story, int Cases, string Path)> Export(IReadOnlyList<FeedbackRecord> records, string directory, Func<string, string?> storyFile)
    {
        var written = new List<(string, int, string)>();
        foreach (var story in records.GroupBy(r => r.Story).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var folder = Path.Combine(directory, SafeName(story.Key));
            Directory.CreateDirectory(folder);
            var cases = new JsonArray();
            var n = 0;
            foreach (var question in story.GroupBy(r => FeedbackReport.Normalize(r.Question))
                         .OrderByDescending(g => g.Count(r => r.Reaction == FeedbackReaction.Dislike)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                cases.Add(Case($"fb-{SafeName(story.Key)}-{++n:000}", question.OrderBy(r => r.Time).ToList()));
            }

            var set = new JsonObject { ["article"] = "story.txt", ["cases"] = cases };
            var path = Path.Combine(folder, "questions.json");
            File.WriteAllText(path, set.ToJsonString(new System.Text.Json.JsonSerializerOptions(FeedbackJson.Options) { WriteIndented = true }) + "\n");
            if (storyFile(story.Key) is { } text && File.Exists(text))
            {
                File.Copy(text, Path.Combine(folder, "story.txt"), overwrite: true);
            }

            written.Add((story.Key, n, path));
        }

        return written;
    }

    private static JsonObject Case(string id, IReadOnlyList<FeedbackRecord> records)
    {
        var latest = records[^1];
        var cited = latest.Citations.FirstOrDefault();
        var reactions = new JsonObject();
        foreach (var g in records.GroupBy(r => r.Reaction).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            reactions[g.Key] = g.Count();
        }

        var node = new JsonObject
        {
            ["id"] = id,
            ["kind"] = string.Empty, // a person sets it: answerable, unanswerable, smalltalk or followup
            ["question"] = latest.Question,
            ["support"] = new JsonArray(), // a person sets it: a 5+ word substring of the sentence that answers
            ["cited"] = cited?.Text,
            ["citedParagraph"] = cited?.Paragraph,
            ["citedSentence"] = cited?.Sentence,
            ["runnerUp"] = records.LastOrDefault(r => r.RunnerUp is not null)?.RunnerUp?.Text,
            ["botIntent"] = latest.Intent,
            ["confidence"] = latest.Confidence,
            ["reactions"] = reactions,
            ["comments"] = new JsonArray(records.Select(r => r.Comment).OfType<string>().Distinct().Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
        };
        foreach (var empty in node.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            node.Remove(empty);
        }

        return node;
    }

    /// <summary>A story id as a folder or case-id part: letters, digits, '-' and '_' only.</summary>
    private static string SafeName(string id)
    {
        var safe = new string(id.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-').ToArray());
        return safe.Length == 0 ? "story" : safe;
    }
}
