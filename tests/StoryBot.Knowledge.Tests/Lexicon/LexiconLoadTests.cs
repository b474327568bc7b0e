using System.Diagnostics;
using StoryBot.Knowledge.Lexicon;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Knowledge.Tests.Lexicon;

/// <summary>Load cost of both lexicon types; not run in parallel so memory readings are clean.</summary>
[Collection(LexiconLoadCollection.Name)]
public class LexiconLoadTests(ITestOutputHelper output)
{
    [Fact]
    public void Loading_IsFastAndMemoryLean()
    {
        // Warm up once (JIT, resource stream), then measure a fresh load of both.
        _ = EnglishLexicon.Load();
        _ = PlaceGazetteer.Load();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        EnglishLexicon lexicon = EnglishLexicon.Load();
        PlaceGazetteer gazetteer = PlaceGazetteer.Load();
        clock.Stop();
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(lexicon);
        GC.KeepAlive(gazetteer);

        output.WriteLine($"load {clock.ElapsedMilliseconds} ms, retained {retained / 1048576.0:F1} MB");
        // Measured ~60 ms and ~18 MB on the 2-core dev machine; bounds leave room for a busy CI.
        Assert.InRange(clock.ElapsedMilliseconds, 0, 1500);
        Assert.InRange(retained, 1L << 20, 40L << 20);
    }
}
