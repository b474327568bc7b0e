using BenchmarkDotNet.Attributes;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Answering;

namespace StoryBot.Benchmarks;

/// <summary>Understanding + answering over 1, 10 and 100 stories (see <see cref="SyntheticStories"/>), every question searching all of them.</summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private StoryKnowledge _knowledge = null!;
    private DevMessage[] _messages = null!;
    private ConversationMemory _memory = new();
    private int _next;

    [Params(1, 10, 100)]
    public int Stories { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var folder = SyntheticStories.Write(BenchSetup.Story().Path, Stories);
        _knowledge = BenchSetup.Load(folder);
        _messages = DevMessages.Load().ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _knowledge.Dispose();

    [Benchmark(OperationsPerInvoke = AnswerBenchmarks.Batch, Description = "understand + answer")]
    public int Respond()
    {
        var answered = 0;
        for (var i = 0; i < AnswerBenchmarks.Batch; i++)
        {
            if (DevMessages.Respond(_knowledge, _messages[_next++ % _messages.Length], ref _memory).Answered)
            {
                answered++;
            }
        }

        return answered;
    }
}
