namespace StoryBot.Knowledge.Lexicon;

/// <summary>
/// A word related to a lemma, for query expansion: <see cref="Weight"/> (0..1) already folds in
/// the relation type and how common the shared sense is, so callers can threshold or boost by it.
/// </summary>
/// <param name="Word">Lower-case lemma; multiword lemmas contain spaces.</param>
/// <param name="Weight">Confidence that the word can stand in for the source, 0..1.</param>
/// <param name="Relation">How the word is related.</param>
public readonly record struct RelatedWord(string Word, float Weight, WordRelation Relation);
