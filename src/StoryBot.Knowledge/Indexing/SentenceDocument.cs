using StoryBot.Knowledge.Ingest;

namespace StoryBot.Knowledge.Indexing;

/// <summary>What the index stores for one sentence: the sentence plus derived alias, context and answer-type tags.</summary>
public sealed record SentenceDocument(StorySentence Sentence, string Alias, string Context, IReadOnlyList<string> Tags);
