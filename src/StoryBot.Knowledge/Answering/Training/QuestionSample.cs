namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// What the trainer measured for one case's last turn: every candidate's features and whether it is a right
/// citation, and for the intent threshold how much nearer the nearest smalltalk example is than the best story sentence.
/// </summary>
public sealed record QuestionSample(string Group, TrainingCase Case, IReadOnlyList<(double[] Features, bool Right)> Candidates, double? SmalltalkLead, bool RulesSayQuestion);
