namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// Greedy forward selection of features by a validation score: start from the best single feature, add the one
/// feature that raises the score most, stop when no feature raises it. Why: with a few hundred labelled questions over five stories a
/// model over every feature fits what is peculiar to those stories — leave-one-story-out, the full ranker chose the
/// right sentence less often than the coverage feature alone — while a few features chosen on left-out stories
/// carry over to new ones. Deterministic: ties go to the earlier feature.
/// </summary>
public static class ForwardSelection
{
    /// <summary>The chosen feature positions (in the order they were added; at least one) out of <paramref name="candidates"/>.</summary>
    /// <param name="validate">The score of a feature set (higher is better), measured on data the fit did not see.</param>
    public static IReadOnlyList<int> Select(IReadOnlyList<int> candidates, Func<IReadOnlyList<int>, double> validate, int maxFeatures = int.MaxValue)
    {
        var chosen = new List<int>();
        var best = double.NegativeInfinity;
        while (chosen.Count < Math.Min(maxFeatures, candidates.Count))
        {
            var step = candidates.Where(f => !chosen.Contains(f))
                .Select(f => (Feature: f, Score: validate(chosen.Append(f).ToList())))
                .Aggregate((a, b) => b.Score > a.Score ? b : a);
            if (step.Score <= best)
            {
                break;
            }

            chosen.Add(step.Feature);
            best = step.Score;
        }

        return chosen;
    }
}
