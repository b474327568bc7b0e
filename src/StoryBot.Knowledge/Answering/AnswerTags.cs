namespace StoryBot.Knowledge.Answering;

/// <summary>Answer types a sentence can hold, tagged at index time and matched against the question's type.</summary>
[Flags]
public enum AnswerTags
{
    None = 0,
    Number = 1,
    Time = 2,
    Duration = 4,
    Person = 8,
    Place = 16,
    Organization = 32,
    Quotation = 64,
    Money = 128,
}
