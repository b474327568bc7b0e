using BenchmarkDotNet.Attributes;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Benchmarks;

/// <summary>
/// Understanding alone and understanding + answering one message, in process, over the dev set's
/// messages: each invocation handles <see cref="Batch"/> messages in turn (cycling through the set), so
/// the reported time and allocation are per message.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    public const int Batch = 64;

    private StoryKnowledge _knowledge = null!;
    private QuestionAnalyzer _analyzer = null!;
    private DevMessage[] _messages = null!;
    private ConversationMemory _memory = new();
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = BenchSetup.Load();
        _analyzer = BenchSetup.Analyzer(_knowledge);
        _messages = DevMessages.Load().ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _knowledge.Dispose();

    [Benchmark(OperationsPerInvoke = Batch, Description = "understand (QuestionAnalyzer.Analyze)")]
    public int Understand()
    {
        var concepts = 0;
        for (var i = 0; i < Batch; i++)
        {
            concepts += _analyzer.Analyze(_messages[_next++ % _messages.Length].Text).Concepts.Count;
        }

        return concepts;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "understand + answer (StoryKnowledge.Respond)")]
    public int Respond()
    {
        var answered = 0;
        for (var i = 0; i < Batch; i++)
        {
            if (DevMessages.Respond(_knowledge, _messages[_next++ % _messages.Length], ref _memory).Answered)
            {
                answered++;
            }
        }

        return answered;
    }
}
