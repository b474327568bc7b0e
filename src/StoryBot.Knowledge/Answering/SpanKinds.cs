namespace StoryBot.Knowledge.Answering;

/// <summary>What kind of answer a stretch of a sentence is, as the taggers and the entity extractor found it.</summary>
[Flags]
public enum SpanKinds
{
    None = 0,
    Person = 1,
    Organization = 2,
    Place = 4,
    Time = 8,
    Duration = 16,
    Number = 32,
    Amount = 64,
    Quote = 128,
}
