using Lucene.Net.Index;
using Lucene.Net.Store;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Indexing;
using Xunit;

namespace StoryBot.Knowledge.Tests.Indexing;

/// <summary>
/// The on-disk index lifecycle: built once, reused when the stories are unchanged (proved by the commit's
/// generation and user data, not timing), rebuilt when they change, when the folder is empty or corrupt,
/// and replaced by an in-memory index when another writer holds the folder. Each test has its own folders.
/// </summary>
public class SentenceIndexTests
{
    private static StoryKnowledge Load(string storyPath, string indexPath) =>
        StoryKnowledge.Load(new KnowledgeOptions { StoryPath = storyPath, IndexPath = indexPath, ModelPath = TestFiles.Model });

    /// <summary>A private copy of the real story, so a test may change it.</summary>
    private static string CopyOfRealStory(TempFolder folder)
    {
        var path = folder.Combine("stories", "ap-2017-05-trump-lavrov.txt");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(TestFiles.RealStory, path);
        return path;
    }

    private static void AssertAnswersComey(StoryKnowledge knowledge)
    {
        var reply = knowledge.Respond("Who did Trump fire at the FBI?", new ConversationMemory());
        Assert.True(reply.Answered, $"declined with confidence {reply.Confidence}");
        Assert.StartsWith("Trump on Tuesday abruptly fired FBI Director James Comey", reply.Citations[0].Text);
    }

    [Fact]
    public void FirstOpen_BuildsTheIndex_WithTheContentHashInTheCommitData()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");

        using var knowledge = Load(TestFiles.RealStory, indexPath);

        Assert.Equal(IndexOpenResult.Built, knowledge.Index.OpenResult);
        Assert.Equal(21, knowledge.Index.Reader.NumDocs);
        Assert.True(knowledge.Index.CommitData.ContainsKey("storybot.contentHash"));
        Assert.Equal(SentenceIndex.SchemaVersion, knowledge.Index.CommitData["storybot.schema"]);
        using var onDisk = FSDirectory.Open(indexPath);
        Assert.True(DirectoryReader.IndexExists(onDisk));
        AssertAnswersComey(knowledge);
    }

    [Fact]
    public void ReopenUnchanged_ReusesTheSameCommit()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");
        long generation;
        Dictionary<string, string> commitData;
        using (var first = Load(TestFiles.RealStory, indexPath))
        {
            Assert.Equal(IndexOpenResult.Built, first.Index.OpenResult);
            generation = first.Index.Generation;
            commitData = new Dictionary<string, string>(first.Index.CommitData);
        }

        var filesBefore = SnapshotFiles(indexPath);
        using var second = Load(TestFiles.RealStory, indexPath);

        Assert.Equal(IndexOpenResult.Reused, second.Index.OpenResult);
        Assert.Equal(generation, second.Index.Generation);
        Assert.Equal(commitData, second.Index.CommitData); // includes storybot.builtUtc: a rebuild would change it
        Assert.Equal(filesBefore, SnapshotFiles(indexPath));
        AssertAnswersComey(second);
    }

    [Fact]
    public void StoryChanged_RebuildsTheIndex_WithANewHash()
    {
        using var folder = new TempFolder();
        var story = CopyOfRealStory(folder);
        var indexPath = folder.Combine("index");
        string oldHash;
        long oldGeneration;
        using (var first = Load(story, indexPath))
        {
            oldHash = first.Index.CommitData["storybot.contentHash"];
            oldGeneration = first.Index.Generation;
        }

        File.AppendAllText(story, "\n\nThe talks ended without a joint statement on Wednesday evening.\n");
        using var second = Load(story, indexPath);

        Assert.Equal(IndexOpenResult.RebuiltChanged, second.Index.OpenResult);
        Assert.NotEqual(oldHash, second.Index.CommitData["storybot.contentHash"]);
        Assert.True(second.Index.Generation > oldGeneration);
        Assert.Equal(22, second.Index.Reader.NumDocs);

        using var third = LoadAfterDispose(second, story, indexPath);
        Assert.Equal(IndexOpenResult.Reused, third.Index.OpenResult);
    }

    [Fact]
    public void FolderEmptied_BuildsAgain()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");
        Load(TestFiles.RealStory, indexPath).Dispose();
        foreach (var file in System.IO.Directory.GetFiles(indexPath))
        {
            File.Delete(file);
        }

        using var knowledge = Load(TestFiles.RealStory, indexPath);

        Assert.Equal(IndexOpenResult.Built, knowledge.Index.OpenResult);
        Assert.Equal(21, knowledge.Index.Reader.NumDocs);
        AssertAnswersComey(knowledge);
    }

    [Fact]
    public void GarbageFiles_AreReplacedByARebuiltIndex()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");
        System.IO.Directory.CreateDirectory(indexPath);
        File.WriteAllText(Path.Combine(indexPath, "notes.bin"), "not a Lucene file");
        File.WriteAllBytes(Path.Combine(indexPath, "segments_1"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });

        using var knowledge = Load(TestFiles.RealStory, indexPath);

        Assert.Equal(IndexOpenResult.RebuiltCorrupt, knowledge.Index.OpenResult);
        Assert.Equal(21, knowledge.Index.Reader.NumDocs);
        AssertAnswersComey(knowledge);
        knowledge.Dispose();
        using var again = Load(TestFiles.RealStory, indexPath);
        Assert.Equal(IndexOpenResult.Reused, again.Index.OpenResult);
    }

    [Fact]
    public void ForeignFilesWithoutSegments_AreTreatedAsCorrupt()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");
        System.IO.Directory.CreateDirectory(indexPath);
        File.WriteAllText(Path.Combine(indexPath, "_0.cfs"), "half a segment");

        using var knowledge = Load(TestFiles.RealStory, indexPath);

        Assert.Equal(IndexOpenResult.RebuiltCorrupt, knowledge.Index.OpenResult);
        AssertAnswersComey(knowledge);
    }

    [Fact]
    public void TruncatedSegmentFiles_AreRebuilt()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");
        Load(TestFiles.RealStory, indexPath).Dispose();
        foreach (var file in System.IO.Directory.GetFiles(indexPath).Where(f => !Path.GetFileName(f).Equals("write.lock", StringComparison.Ordinal)))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
            stream.SetLength(stream.Length / 2);
        }

        using var knowledge = Load(TestFiles.RealStory, indexPath);

        Assert.Equal(IndexOpenResult.RebuiltCorrupt, knowledge.Index.OpenResult);
        Assert.Equal(21, knowledge.Index.Reader.NumDocs);
        AssertAnswersComey(knowledge);
    }

    [Fact]
    public void WriteLockHeldByAnotherWriter_FallsBackToMemory_AndStillAnswers()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");
        System.IO.Directory.CreateDirectory(indexPath);
        using var directory = FSDirectory.Open(indexPath);
        using var holder = new IndexWriter(directory, new IndexWriterConfig(StoryAnalyzer.Version, SentenceIndex.CreateAnalyzer()));

        using var knowledge = Load(TestFiles.RealStory, indexPath);

        Assert.Equal(IndexOpenResult.InMemoryFallback, knowledge.Index.OpenResult);
        Assert.Equal(21, knowledge.Index.Reader.NumDocs);
        AssertAnswersComey(knowledge);
    }

    [Fact]
    public void WriteLockHeldWhileTheStoryChanged_FallsBackToMemory()
    {
        using var folder = new TempFolder();
        var story = CopyOfRealStory(folder);
        var indexPath = folder.Combine("index");
        Load(story, indexPath).Dispose();
        File.AppendAllText(story, "\n\nThe talks ended without a joint statement on Wednesday evening.\n");
        using var directory = FSDirectory.Open(indexPath);
        using var holder = new IndexWriter(directory, new IndexWriterConfig(StoryAnalyzer.Version, SentenceIndex.CreateAnalyzer()) { OpenMode = OpenMode.APPEND });

        using var knowledge = Load(story, indexPath);

        Assert.Equal(IndexOpenResult.InMemoryFallback, knowledge.Index.OpenResult);
        Assert.Equal(22, knowledge.Index.Reader.NumDocs);
        AssertAnswersComey(knowledge);
    }

    [Fact]
    public void FolderOfTwoStories_EverySentenceCarriesItsStoryId_AndCitationsNameTheStory()
    {
        using var folder = new TempFolder();
        var stories = folder.Combine("stories");
        System.IO.Directory.CreateDirectory(stories);
        File.Copy(TestFiles.RealStory, Path.Combine(stories, "ap-2017-05-trump-lavrov.txt"));
        File.WriteAllText(Path.Combine(stories, "zz-hurricane.txt"),
            "Title: Hurricane Delta floods the Gulf Coast\nSource: AP, Miami\n\nMIAMI (AP) — Hurricane Delta flooded the Louisiana coastline with a storm surge of nine feet on Friday.\n\nThe governor ordered the evacuation of 200,000 residents from low-lying parishes.\n");

        using var knowledge = Load(stories, folder.Combine("index"));

        Assert.Equal(new[] { "ap-2017-05-trump-lavrov", "zz-hurricane" }, knowledge.Stories.Select(s => s.Id));
        Assert.All(knowledge.Stories, s => Assert.All(s.Sentences, sentence => Assert.Equal(s.Id, sentence.StoryId)));
        Assert.Equal(23, knowledge.Index.Reader.NumDocs);
        var storyOfDoc = Enumerable.Range(0, knowledge.Index.Reader.MaxDoc).Select(d => knowledge.Index.Locate(d).StoryId).ToList();
        Assert.Equal(21, storyOfDoc.Count(id => id == "ap-2017-05-trump-lavrov"));
        Assert.Equal(2, storyOfDoc.Count(id => id == "zz-hurricane"));
        var hurricane = knowledge.Stories[1];
        Assert.Equal("Hurricane Delta floods the Gulf Coast", hurricane.Title);
        Assert.Equal("AP, Miami", hurricane.Source);
        Assert.Equal(new[] { 1, 2 }, hurricane.Sentences.Select(s => s.Number));

        var flood = knowledge.Respond("How high was the storm surge of Hurricane Delta?", new ConversationMemory());
        Assert.True(flood.Answered, $"declined with confidence {flood.Confidence}");
        Assert.Equal("zz-hurricane", flood.Citations[0].StoryId);
        Assert.Equal("Hurricane Delta floods the Gulf Coast", flood.Citations[0].StoryTitle);
        Assert.Equal(1, flood.Citations[0].Sentence);

        var comey = knowledge.Respond("Who did Trump fire at the FBI?", new ConversationMemory());
        Assert.Equal("ap-2017-05-trump-lavrov", comey.Citations[0].StoryId);
        Assert.Equal(8, comey.Citations[0].Sentence);
    }

    private static StoryKnowledge LoadAfterDispose(StoryKnowledge previous, string story, string indexPath)
    {
        previous.Dispose();
        return Load(story, indexPath);
    }

    private static Dictionary<string, (long Length, DateTime Written)> SnapshotFiles(string path) =>
        System.IO.Directory.GetFiles(path).ToDictionary(f => Path.GetFileName(f), f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)));
}
