namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// A story and its labelled cases. <see cref="Group"/> names the story for leave-one-story-out validation:
/// every set about the same story shares one group, so no fold sees the story it is validated on.
/// </summary>
public sealed record TrainingStory(string Group, KnowledgeOptions Options, IReadOnlyList<TrainingCase> Cases);
