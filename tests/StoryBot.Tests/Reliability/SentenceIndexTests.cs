using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Xunit;
using Directory = System.IO.Directory;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// The index folder missing, empty, corrupt or locked when the host starts: the host still starts,
/// rebuilds the index from the story (on disk, or in memory when another writer holds the lock), says
/// so in its start-up log line, and answers correctly.
/// </summary>
public sealed class SentenceIndexTests
{
    [Fact]
    public async Task A_missing_index_folder_is_built()
    {
        var path = Path.Combine(Path.GetTempPath(), "storybot-rel-missing-" + Guid.NewGuid().ToString("N"), "deeper");
        await AssertStartsAndAnswersAsync(path, "index Built");
    }

    [Fact]
    public async Task An_empty_index_folder_is_built()
    {
        var path = Directory.CreateTempSubdirectory("storybot-rel-empty-").FullName;
        await AssertStartsAndAnswersAsync(path, "index Built");
    }

    [Fact]
    public async Task A_corrupt_index_is_rebuilt_from_the_story()
    {
        var path = Directory.CreateTempSubdirectory("storybot-rel-corrupt-").FullName;
        await AssertStartsAndAnswersAsync(path, "index Built", deleteAfter: false);
        foreach (var file in Directory.GetFiles(path))
        {
            File.WriteAllBytes(file, "not a lucene file"u8.ToArray()); // every segment and commit file garbage
        }

        await AssertStartsAndAnswersAsync(path, "index RebuiltCorrupt");
    }

    [Fact]
    public async Task Foreign_files_in_the_index_folder_are_replaced()
    {
        var path = Directory.CreateTempSubdirectory("storybot-rel-foreign-").FullName;
        File.WriteAllText(Path.Combine(path, "segments_7"), "garbage");
        File.WriteAllText(Path.Combine(path, "notes.txt"), "someone's file");
        await AssertStartsAndAnswersAsync(path, "index RebuiltCorrupt");
    }

    [Fact]
    public async Task A_locked_index_folder_falls_back_to_an_in_memory_index_built_from_the_story()
    {
        var path = Directory.CreateTempSubdirectory("storybot-rel-locked-").FullName;
        using (var directory = FSDirectory.Open(path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))))
        {
            // Another writer holds write.lock and has committed nothing the bot can read.
            await AssertStartsAndAnswersAsync(path, "index InMemoryFallback", deleteAfter: false);
        }

        Directory.Delete(path, recursive: true);
    }

    private static async Task AssertStartsAndAnswersAsync(string indexPath, string expectedLog, bool deleteAfter = true)
    {
        var host = new BotHost(indexPath: indexPath);
        try
        {
            using var client = host.CreateClient();
            var (status, body) = await Activities.PostAsync(client, Activities.Json(Activities.Message("index-check", "Who did Trump fire at the FBI?")));
            Assert.Equal(200, status);
            var entity = Activities.ReplyEntity(Activities.Replies(body)[0])!;
            Assert.Contains("Comey", (string?)entity["citations"]![0]!["text"]);
            Assert.True(host.Logs.Contains(expectedLog), $"no log line with '{expectedLog}': {string.Join(" | ", host.Logs.Entries.Select(e => e.Message).Where(m => m.Contains("index", StringComparison.OrdinalIgnoreCase)))}");
            Assert.Empty(host.Logs.Errors);
        }
        finally
        {
            if (deleteAfter)
            {
                host.Dispose();
            }
            else
            {
                // Keep the folder: dispose the host without its temp-folder clean-up.
                await host.DisposeHostOnlyAsync();
            }
        }
    }
}
