using StoryBot.Knowledge.Understanding;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Tests.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>
/// Smalltalk in the forms people type, recognised by the nearest example with the story's own sentences as the
/// alternative; off-topic questions stay questions (declined), and questions about the story stay questions.
/// The phrasings here are written for this test, not taken from any question set.
/// </summary>
public sealed class SmalltalkDetectorTests : IClassFixture<StoryKnowledgeTests.Loaded>
{
    private readonly StoryKnowledge _knowledge;

    public SmalltalkDetectorTests(StoryKnowledgeTests.Loaded loaded) => _knowledge = loaded.Knowledge;

    [Theory]
    [InlineData("heyy there", ReplyKind.Greeting)]
    [InlineData("thx a ton, really helped", ReplyKind.Thanks)]
    [InlineData("ok cya later", ReplyKind.Goodbye)]
    [InlineData("what should i ask u", ReplyKind.Help)]
    [InlineData("no idea what to ask you tbh", ReplyKind.Help)] // cited a sentence before the casual help examples
    [InlineData("i have no clue what to type", ReplyKind.Help)]
    [InlineData("r u a real person", ReplyKind.About)]
    [InlineData("who did trump fire", ReplyKind.Answer)]
    public void Message_GetsTheReplyKindAPersonWouldExpect(string message, ReplyKind expected)
    {
        Assert.Equal(expected, _knowledge.Respond(message, new ConversationMemory()).Kind);
    }

    /// <summary>
    /// The detector's part for an off-topic question: it stays a question, declined before any sentence is scored when it
    /// is nearer the off-topic examples than the story by the margin, else weighed by the scorer.
    /// </summary>
    [Fact]
    public void OffTopicQuestion_IsNotTakenForSmalltalk()
    {
        var kind = _knowledge.Respond("which football team won the league this year?", new ConversationMemory()).Kind;
        Assert.Contains(kind, new[] { ReplyKind.NoAnswer, ReplyKind.Answer });
    }

    /// <summary>
    /// A question about the bot refers to it ("you", "bot"): "what does the company make" is near the example "what
    /// company made you" but asks about the story's company, and is answered from the story.
    /// </summary>
    [Fact]
    public void StoryQuestion_NearAQuestionAboutTheBot_IsAnsweredFromTheStory()
    {
        using var index = new TempFolder();
        using var knowledge = StoryKnowledge.Load(new KnowledgeOptions
        {
            StoryPath = Path.Combine(TestFiles.Root, "eval", "train", "chip-plant", "story.txt"),
            IndexPath = index.Path,
            ModelPath = TestFiles.Model,
        });

        Assert.NotEqual(ReplyKind.About, knowledge.Respond("what does the company make", new ConversationMemory()).Kind);
        Assert.Equal(ReplyKind.About, knowledge.Respond("what company made you", new ConversationMemory()).Kind);
    }

    /// <summary>
    /// <see cref="SmalltalkDetector.Nearest"/> loops instead of grouping with LINQ, for speed only: on a spread of
    /// messages it must still give what the LINQ formula it replaced gives, intent and similarity to the bit.
    /// </summary>
    [Fact]
    public void Nearest_GivesWhatTheLinqFormulaGives()
    {
        var encoder = StoryBot.Knowledge.Semantics.SemanticEncoder.Shared;
        var examples = SmalltalkDetector.Examples();
        var vectors = encoder.EncodePassages(examples.Select(e => Slang.ForEmbedding(e.Text)).ToList());
        var detector = new SmalltalkDetector();
        var messages = new[] { "heyy there", "thx a ton", "ok cya", "what can u do", "are you human", "who did trump fire", "what's a good pizza place", "tell me more", "hello?? anyone", "bye bye" };
        foreach (var message in messages)
        {
            var query = encoder.EncodeQuery(message);
            var scored = examples.Select((e, i) => (e.Intent, Similarity: (double)StoryBot.Knowledge.Semantics.SemanticEncoder.Cosine(query, vectors[i]))).ToList();
            var intent = scored.GroupBy(e => e.Intent)
                .Select(g => (Intent: g.Key, Score: g.OrderByDescending(e => e.Similarity).Take(SmalltalkDetector.Votes).Average(e => e.Similarity)))
                .MaxBy(g => g.Score).Intent;

            var (nearestIntent, similarity) = detector.Nearest(query);

            Assert.Equal(intent, nearestIntent);
            Assert.Equal(BitConverter.DoubleToInt64Bits(scored.Max(e => e.Similarity)), BitConverter.DoubleToInt64Bits(similarity));
        }
    }
}
