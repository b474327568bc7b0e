namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// Fits the span model (<see cref="AnswerModel.Span"/>): for every case with expected answers, the candidate spans of
/// the sentence that answers it (<see cref="SpanCandidates"/>), labelled right when they give an expected answer
/// (<see cref="SpanMatch"/>), and one listwise logistic model that puts a right one first. Validated leave-one-story-out
/// and nested (the regularisation chosen without the story judged), beside the type rules' pick on the same cases.
/// Deterministic.
/// </summary>
public sealed class SpanTrainer
{
    private static readonly double[] L2Choices = { 0.1, 1, 10, 100 };

    private readonly IReadOnlyList<TrainingStory> _stories;
    private readonly TextWriter _log;

    public SpanTrainer(IReadOnlyList<TrainingStory> stories, TextWriter log)
    {
        _stories = stories;
        _log = log;
    }

    /// <summary>One case's candidate spans in the sentence that answers it, and which give an expected answer.</summary>
    private sealed record Sample(string Group, string Case, double[][] X, bool[] Right, bool RuleRight);

    /// <summary>How often the first span is right, per story and over all, for people to read (kept in the model file).</summary>
    public sealed record Validation(int Cases, double Rule, double LeaveOneStoryOut, double Nested, double AnyCandidate, double L2, IReadOnlyDictionary<string, double[]> ByStory);

    /// <summary>Fits the span model with <paramref name="model"/> answering the earlier turns of follow-ups.</summary>
    public (LinearModel Span, Validation Validation) Train(AnswerModel model)
    {
        var samples = Measure(model);
        if (samples.Count == 0)
        {
            // Nothing to learn from: a model that shows the type rules' pick (weight 1 on "rule" in every class).
            _log.WriteLine("span: no case has expected answers; the span model shows the type rules' pick");
            var rules = LinearModel.Zero(SpanFeatures.Names.Count);
            foreach (var c in SpanFeatures.Classes)
            {
                rules.Weights[SpanFeatures.Names.ToList().IndexOf(c + "." + SpanFeatures.Rule)] = 1;
            }

            return (rules, new Validation(0, 0, 0, 0, 0, 0, new Dictionary<string, double[]>()));
        }

        var scaling = FeatureScaling.Fit(samples.SelectMany(s => s.X).ToList(), SpanFeatures.Names, semantic: true);
        var scaled = samples.Select(s => s with { X = s.X.Select(scaling.Apply).ToArray() }).ToList();
        var groups = scaled.Select(s => s.Group).Distinct().ToList();
        var weightOf = scaled.GroupBy(s => s.Group).ToDictionary(g => g.Key, g => 1 / Math.Sqrt(g.Count()));

        double[] Fit(IEnumerable<Sample> part, double l2)
        {
            var rows = part.ToList();
            return rows.Count == 0 ? new double[SpanFeatures.Names.Count] : ListwiseRegression.Fit(rows.Select(s => (s.X, s.Right)).ToList(), l2, rows.Select(s => weightOf[s.Group]).ToList());
        }

        // Each story's cases judged by a model fitted without that story.
        Dictionary<Sample, bool> OutOfFold(IReadOnlyList<Sample> pool, double l2)
        {
            var result = new Dictionary<Sample, bool>();
            foreach (var group in pool.Select(s => s.Group).Distinct())
            {
                var w = Fit(pool.Where(s => s.Group != group), l2);
                foreach (var s in pool.Where(s => s.Group == group))
                {
                    result[s] = FirstIsRight(s, w);
                }
            }

            return result;
        }

        double BestL2(IReadOnlyList<Sample> pool) => L2Choices.MaxBy(l2 => OutOfFold(pool, l2).Count(kv => kv.Value));

        var l2 = BestL2(scaled);
        var loso = OutOfFold(scaled, l2);
        var nested = new Dictionary<Sample, bool>();
        foreach (var group in groups)
        {
            var rest = scaled.Where(s => s.Group != group).ToList();
            var w = Fit(rest, BestL2(rest));
            foreach (var s in scaled.Where(s => s.Group == group))
            {
                nested[s] = FirstIsRight(s, w);
            }
        }

        double Share(IEnumerable<Sample> part, Func<Sample, bool> right) => part.Any() ? Math.Round(part.Count(right) / (double)part.Count(), 3) : 0;
        var validation = new Validation(
            scaled.Count,
            Share(scaled, s => s.RuleRight),
            Share(scaled, s => loso[s]),
            Share(scaled, s => nested[s]),
            Share(scaled, s => s.Right.Any(r => r)),
            l2,
            groups.ToDictionary(g => g, g =>
            {
                var part = scaled.Where(s => s.Group == g).ToList();
                return new[] { part.Count, Share(part, s => s.RuleRight), Share(part, s => loso[s]), Share(part, s => nested[s]) };
            }));
        _log.WriteLine($"span: {validation.Cases} cases with expected answers; first span right: type rules {validation.Rule:P1}, learned leave-one-story-out {validation.LeaveOneStoryOut:P1}, nested {validation.Nested:P1} (some candidate right {validation.AnyCandidate:P1}; L2 {l2})");
        foreach (var (group, figures) in validation.ByStory)
        {
            _log.WriteLine($"  {group}: {figures[0]} cases, rules {figures[1]:P1}, learned {figures[2]:P1}, nested {figures[3]:P1}");
        }

        return (scaling.Model(Fit(scaled, l2), 0), validation);
    }

    private static bool FirstIsRight(Sample sample, double[] w)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var k = 0; k < sample.X.Length; k++)
        {
            var score = ListwiseRegression.Dot(w, sample.X[k]);
            if (score > bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }

        return best >= 0 && sample.Right[best];
    }

    private List<Sample> Measure(AnswerModel model)
    {
        var samples = new List<Sample>();
        foreach (var story in _stories)
        {
            var options = story.Options with { ForceRebuild = false, ConfidenceThreshold = null };
            using var knowledge = StoryKnowledge.Load(options, model);
            foreach (var c in story.Cases.Where(c => c.Answerable && c.Answers is { Count: > 0 }))
            {
                var profile = knowledge.Model.Profiles.FirstOrDefault(p => c.Support.Any(s => p.Sentence.Text.Contains(s, StringComparison.Ordinal)));
                if (profile is null)
                {
                    continue;
                }

                var memory = new ConversationMemory();
                foreach (var earlier in c.Turns.Take(c.Turns.Count - 1))
                {
                    knowledge.Respond(earlier, memory);
                }

                var candidates = knowledge.SpanCandidatesFor(c.Turns[^1], memory, profile);
                if (candidates is null || candidates.Count == 0)
                {
                    continue;
                }

                var right = candidates.Select(s => SpanMatch.MatchesAny(s.Text, c.Answers!)).ToArray();
                var rule = SpanFeatures.Classes.Select((_, k) => (k * SpanFeatures.Measures.Count) + SpanFeatures.IndexOf(SpanFeatures.Rule)).ToList();
                samples.Add(new Sample(story.Group, c.Id, candidates.Select(s => s.Features).ToArray(), right, candidates.Where((s, k) => right[k]).Any(s => rule.Any(i => s.Features[i] > 0))));
            }
        }

        return samples;
    }
}
