using StoryBot.Knowledge.Answering;

namespace StoryBot.Bots;

/// <summary>What the bot keeps per conversation in Bot Framework state: whether it has welcomed, and the knowledge core's memory.</summary>
public sealed class ConversationData
{
    public bool Welcomed { get; set; }

    public ConversationMemory Memory { get; set; } = new();

    /// <summary>Last activity time, so idle conversations can be expired.</summary>
    public DateTimeOffset LastSeen { get; set; }
}
