namespace StoryBot.Knowledge.Understanding;

/// <summary>The kind of answer a question asks for; answer selection prefers sentences that hold it.</summary>
public enum QuestionType
{
    Other,
    Who,
    When,
    Where,
    HowMany,
    HowMuch,
    HowLong,
    HowOld,
    Why,
    How,
    What,
    YesNo,
    Name,
}
