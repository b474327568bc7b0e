using StackExchange.Redis;
using StoryBot.Feedback;
using StoryBot.Hosting;
using StoryBot.Storage;

namespace StoryBot.Cli;

/// <summary>
/// <c>feedback [--export DIR]</c>: reads the configured store from this process, prints the report
/// (<see cref="FeedbackReport"/>) and, with <c>--export</c>, writes the evaluation sets
/// (<see cref="FeedbackExporter"/>). With Storage:Kind=redis it reads the ratings every instance keeps; with
/// memory a running bot's ratings live in that bot's process, so it reads Feedback:Path, the JSON Lines copy,
/// and says so.
/// </summary>
public static class FeedbackCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string configRoot, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        const string usage = "usage: feedback [--export DIR]";
        var parsed = CommandArguments.Parse(args, new[] { "--export" }, Array.Empty<string>(), positional: false);
        if (parsed.Stop(usage, output, error) is { } exit)
        {
            return exit;
        }

        var export = parsed.Value("--export") is { } dir ? Path.GetFullPath(dir) : null;

        FeedbackOptions options;
        try
        {
            options = FeedbackOptions.From(configuration, configRoot);
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 2;
        }

        var records = await ReadAsync(configuration, options, output, error, cancellationToken);
        if (records is null)
        {
            return 2;
        }

        output.WriteLine(FeedbackReport.Format(records, options.RetentionDays));
        if (export is null)
        {
            return 0;
        }

        var storyPath = StoryBotOptions.From(configuration, configRoot).StoryPath;
        var written = FeedbackExporter.Export(records, export, id => Directory.Exists(storyPath) ? Path.Combine(storyPath, id + ".txt") : Path.GetFileNameWithoutExtension(storyPath) == id ? storyPath : null);
        output.WriteLine();
        output.WriteLine(written.Count == 0 ? $"Nothing to export to {export}." : $"Exported to {export}:");
        foreach (var (story, cases, path) in written)
        {
            output.WriteLine($"  {path}: {cases} case(s) about {story}");
        }

        if (written.Count > 0)
        {
            output.WriteLine("Set each case's kind and support, then run it: dotnet run --project src/StoryBot -- eval <file>; copy the folder under eval/train/ to add it to the training pool.");
        }

        return 0;
    }

    /// <summary>The kept records, or null (after one error line) when the store cannot be read.</summary>
    private static async Task<IReadOnlyList<FeedbackRecord>?> ReadAsync(IConfiguration configuration, FeedbackOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var storage = StorageOptions.From(configuration);
            if (storage.UsesRedis)
            {
                return await ReadRedisAsync(configuration, storage, options, output, cancellationToken);
            }
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return null;
        }

        output.WriteLine("Storage:Kind is memory: a running bot keeps its ratings in its own process, where this command cannot see them.");
        if (options.Path is null)
        {
            output.WriteLine("Set Feedback:Path to have every rating also appended to a JSON Lines file this command reads, or Storage:Kind=redis to share them.");
            output.WriteLine();
            return Array.Empty<FeedbackRecord>();
        }

        var (records, skipped) = await new FeedbackJsonLinesFile(options.Path).ReadAsync(options.Retention, DateTimeOffset.UtcNow, cancellationToken);
        output.WriteLine($"Reading Feedback:Path {options.Path}{(skipped > 0 ? $" ({skipped} unreadable line(s) skipped)" : string.Empty)}.");
        output.WriteLine();
        return records;
    }

    /// <summary>Storage:Kind=redis: the ratings every instance keeps, read over this process's own connection.</summary>
    private static async Task<IReadOnlyList<FeedbackRecord>> ReadRedisAsync(IConfiguration configuration, StorageOptions storage, FeedbackOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddSingleton(configuration).AddStoryBotStorage().BuildServiceProvider();
        await services.VerifyStoryBotStorageAsync(cancellationToken); // unreachable: one line, exit 2
        var store = new RedisFeedbackStore(services.GetRequiredService<IConnectionMultiplexer>(), storage.KeyPrefix, options, TimeProvider.System);
        try
        {
            var records = await store.ListAsync(cancellationToken);
            output.WriteLine($"Reading the ratings kept in Redis (Storage:Kind=redis, key prefix '{storage.KeyPrefix}').");
            output.WriteLine();
            return records;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new InvalidOperationException("the ratings could not be read from Redis: " + ex.Message);
        }
    }
}
