using StoryBot.Feedback;
using StoryBot.Hosting;
using StoryBot.Knowledge.Answering;

namespace StoryBot.Bots;

/// <summary>
/// What the bot keeps per conversation in Bot Framework state: whether it has welcomed, and the knowledge
/// core's memory. No timestamp: idle expiry is the storage's job (<see cref="BoundedMemoryStorage"/> tracks
/// reads and writes), and a value touched every turn would make every turn's state "changed" and written.
/// </summary>
public sealed class ConversationData : IDeepCloneable
{
    public bool Welcomed { get; set; }

    public ConversationMemory Memory { get; set; } = new();

    /// <summary>The last answers sent, so a 👍/👎 can be matched to what it rates (<see cref="ConversationAnswers"/>).</summary>
    public List<SentAnswer> Answers { get; set; } = new();

    /// <summary>
    /// A copy sharing nothing mutable, so state storage need not serialize it each turn. Every property of
    /// this class and of <see cref="ConversationMemory"/> must be copied here: a test compares the JSON of
    /// a copy with the original's for every property, so a new one that is missed fails it.
    /// </summary>
    public object DeepClone() => new ConversationData
    {
        Welcomed = Welcomed,
        Memory = Memory is null ? null! : new ConversationMemory
        {
            LastStoryId = Memory.LastStoryId,
            LastSentence = Memory.LastSentence,
            LastTerms = Memory.LastTerms is null ? null! : new List<string>(Memory.LastTerms),
            LastEntities = Memory.LastEntities is null ? null! : new List<string>(Memory.LastEntities),
            Turns = Memory.Turns,
        },
        Answers = Answers is null ? null! : CopyOf(Answers),
    };

    /// <summary>The kept answers in a list of their own; the answers themselves are immutable and shared (every read and write of a turn copies the list).</summary>
    private static List<SentAnswer> CopyOf(List<SentAnswer> answers) => new(answers);
}
