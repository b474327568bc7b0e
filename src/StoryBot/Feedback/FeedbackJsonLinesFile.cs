using System.Text;
using System.Text.Json;

namespace StoryBot.Feedback;

/// <summary>
/// The optional append-only log (Feedback:Path): one JSON record per line, never rewritten, so it survives a
/// restart of a bot whose store is in memory and can be shipped or tailed. Reading it applies what the store
/// applies: a user's later rating of an answer replaces the earlier one, and retention.
/// </summary>
public sealed class FeedbackJsonLinesFile
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FeedbackJsonLinesFile(string path) => Path = path;

    public string Path { get; }

    public async Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken = default)
    {
        var line = FeedbackJson.Serialize(record) + "\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            await File.AppendAllTextAsync(Path, line, new UTF8Encoding(false), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The file's records within <paramref name="retention"/> of <paramref name="now"/>, the latest per key, oldest first; a line that is not a record is skipped.</summary>
    public async Task<(IReadOnlyList<FeedbackRecord> Records, int Skipped)> ReadAsync(TimeSpan retention, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<string, FeedbackRecord>(StringComparer.Ordinal);
        var skipped = 0;
        if (!File.Exists(Path))
        {
            return (Array.Empty<FeedbackRecord>(), 0);
        }

        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (FeedbackJson.Deserialize<FeedbackRecord>(line) is { } record && record.Time >= now - retention)
                {
                    latest[record.Key] = record;
                }
            }
            catch (JsonException)
            {
                skipped++; // a torn last line after a crash, or a hand edit: the rest is still worth reading
            }
        }

        return (latest.Values.OrderBy(r => r.Time).ToList(), skipped);
    }
}
