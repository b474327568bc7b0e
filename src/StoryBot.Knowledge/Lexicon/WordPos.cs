namespace StoryBot.Knowledge.Lexicon;

/// <summary>WordNet parts of speech as bit flags: one lemma can be several at once.</summary>
[Flags]
internal enum WordPos : byte
{
    None = 0,
    Noun = 1,
    Verb = 2,
    Adjective = 4,
    Adverb = 8,
}
