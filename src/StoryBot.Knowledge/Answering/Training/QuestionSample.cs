namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// What the trainer measured for one case's last turn: every candidate's features and whether it is a right
/// citation, and for the intent threshold how much nearer the nearest smalltalk example is than the best story sentence.
/// <see cref="Spans"/> holds, per candidate in the same order, the span features of the sentence's candidate spans: the
/// answer-presence input is read from them by whichever span model a fold may use.
/// </summary>
public sealed record QuestionSample(string Group, TrainingCase Case, IReadOnlyList<(double[] Features, bool Right)> Candidates, double? SmalltalkLead, bool RulesSayQuestion, IReadOnlyList<double[][]> Spans);
