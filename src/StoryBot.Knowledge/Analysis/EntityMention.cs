namespace StoryBot.Knowledge.Analysis;

/// <summary>Where a sentence names an entity: character offsets of the words that name it.</summary>
public readonly record struct EntityMention(NamedEntity Entity, int Start, int End);
