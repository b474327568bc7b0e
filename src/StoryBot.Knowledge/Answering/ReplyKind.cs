namespace StoryBot.Knowledge.Answering;

/// <summary>The kind of reply, as named in the <c>storybot.reply</c> entity's <c>intent</c>.</summary>
public enum ReplyKind
{
    Greeting,
    Help,
    About,
    Summary,
    Thanks,
    Goodbye,
    Reset,
    Answer,
    NoAnswer,
    More,
    Source,
    Acknowledge,
}
