using StoryBot.Knowledge.Analysis;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// Derives suggested questions from whichever story is loaded, never from a fixed list: "What is this
/// story about?" and "Who is …?" for the people the story mentions most, kept only when the bot can
/// actually answer them.
/// </summary>
public static class SuggestionGenerator
{
    public const string SummaryQuestion = "What is this story about?";
    public const string MoreQuestion = "Tell me more";
    public const string SourceQuestion = "Where does it say that?";

    /// <summary>Questions about the most-mentioned people, most mentioned first.</summary>
    public static IEnumerable<string> PeopleQuestions(StoryModel model) =>
        model.Entities
            .Where(e => e.Kind == EntityKind.Person && e.Title.Length > 0)
            .OrderByDescending(e => e.Mentions)
            .ThenBy(e => e.FirstSentence)
            .Select(e => $"Who is {e.Name}?");

    /// <summary>Follow-ups after an answer: more, the source, and a person the cited sentence names that the question did not.</summary>
    public static IReadOnlyList<string> AfterAnswer(SentenceProfile cited, IReadOnlySet<string> questionWords)
    {
        var list = new List<string> { MoreQuestion, SourceQuestion };
        var person = cited.Mentions
            .Select(m => m.Entity)
            .FirstOrDefault(e => e.Kind == EntityKind.Person && e.Title.Length > 0 && !questionWords.Contains(e.Key));
        if (person is not null)
        {
            list.Add($"Who is {person.Name}?");
        }

        return list;
    }
}
