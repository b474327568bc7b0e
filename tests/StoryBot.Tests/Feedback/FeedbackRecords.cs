using StoryBot.Feedback;

namespace StoryBot.Tests.Feedback;

/// <summary>Ratings as a bot would keep them, for the store and report tests: only what a test varies is a parameter.</summary>
internal static class FeedbackRecords
{
    public static FeedbackRecord Rating(string answer, string user, string reaction, DateTimeOffset time, string question = "who did Trump fire?", string intent = "answer", FeedbackCitation[]? cited = null) => new()
    {
        AnswerId = answer,
        Time = time,
        Channel = "directline",
        Reaction = reaction,
        Question = question,
        Intent = intent,
        Confidence = 0.64,
        Story = "ap-2017-05-trump-lavrov",
        Citations = cited ?? [],
        Version = "test",
        User = user,
        Conversation = "c1",
    };
}
