namespace StoryBot.Knowledge.Understanding;

/// <summary>What the user wants from one message; drives which kind of reply the bot builds.</summary>
public enum Intent
{
    Question,
    Greeting,
    Help,
    About,
    Summary,
    Thanks,
    Goodbye,
    Reset,
    More,
    Source,

    /// <summary>A reaction that asks nothing ("ok", "cool", "lol", "interesting"): answered with an invitation to ask more.</summary>
    Acknowledge,
}
