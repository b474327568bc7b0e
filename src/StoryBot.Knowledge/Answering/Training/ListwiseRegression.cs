namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// A listwise ranker (conditional logit): each question's candidates compete in one softmax and the fit raises
/// the share of the right ones. It learns what separates the answer from the other candidates of the same
/// question, which a pointwise fit blurs with how hard the question is. L2-regularised, fitted by Newton's
/// method; deterministic.
/// </summary>
public static class ListwiseRegression
{
    /// <summary>Weights (no bias: a softmax ignores it) for <paramref name="questions"/>, each a candidate list with right flags.</summary>
    /// <param name="weights">Per-question weights (null: all 1).</param>
    public static double[] Fit(IReadOnlyList<(double[][] X, bool[] Right)> questions, double l2, IReadOnlyList<double>? weights = null, int iterations = 30)
    {
        var d = questions.FirstOrDefault(q => q.X.Length > 0).X?[0].Length ?? 0;
        var w = new double[d];
        for (var iter = 0; iter < iterations; iter++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var q = 0; q < questions.Count; q++)
            {
                var (x, right) = questions[q];
                var weight = weights?[q] ?? 1;
                if (x.Length < 2 || !right.Any(r => r))
                {
                    continue;
                }

                var scores = x.Select(row => Dot(w, row)).ToArray();
                var max = scores.Max();
                var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
                var all = exp.Sum();
                // the right candidates' own softmax, relative to their best score so it never underflows to 0/0
                var rightMax = scores.Where((_, i) => right[i]).Max();
                var rightExp = scores.Select((sc, i) => right[i] ? Math.Exp(sc - rightMax) : 0).ToArray();
                var rightSum = rightExp.Sum();
                var mean = new double[d];
                var rightMean = new double[d];
                for (var i = 0; i < x.Length; i++)
                {
                    for (var k = 0; k < d; k++)
                    {
                        mean[k] += exp[i] / all * x[i][k];
                        if (right[i])
                        {
                            rightMean[k] += rightExp[i] / rightSum * x[i][k];
                        }
                    }
                }

                for (var k = 0; k < d; k++)
                {
                    gradient[k] += weight * (mean[k] - rightMean[k]);
                }

                // Curvature of the log-partition (the covariance of the candidates' features under the softmax).
                for (var i = 0; i < x.Length; i++)
                {
                    var p = weight * exp[i] / all;
                    for (var a = 0; a < d; a++)
                    {
                        var da = x[i][a] - mean[a];
                        for (var b = 0; b <= a; b++)
                        {
                            hessian[a, b] += p * da * (x[i][b] - mean[b]);
                        }
                    }
                }
            }

            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    hessian[b, a] = hessian[a, b];
                }

                gradient[a] += l2 * w[a];
                hessian[a, a] += l2;
            }

            // Newton's direction, halved until the loss goes down (a full step can overshoot far from the optimum).
            var step = LogisticRegression.Solve(hessian, gradient);
            var before = Loss(questions, w, l2, weights);
            var factor = 1.0;
            double[] next;
            do
            {
                next = w.Select((v, k) => v - (factor * step[k])).ToArray();
                factor /= 2;
            }
            while (Loss(questions, next, l2, weights) > before && factor > 1e-6);

            var change = next.Select((v, k) => Math.Abs(v - w[k])).DefaultIfEmpty(0).Max();
            w = next;
            if (change < 1e-8)
            {
                break;
            }
        }

        return w;
    }

    /// <summary>The regularised negative log-likelihood that <see cref="Fit"/> minimises.</summary>
    public static double Loss(IReadOnlyList<(double[][] X, bool[] Right)> questions, double[] w, double l2, IReadOnlyList<double>? weights = null)
    {
        var loss = 0.5 * l2 * w.Sum(v => v * v);
        for (var q = 0; q < questions.Count; q++)
        {
            var (x, right) = questions[q];
            if (x.Length < 2 || !right.Any(r => r))
            {
                continue;
            }

            var scores = x.Select(row => Dot(w, row)).ToArray();
            loss += (weights?[q] ?? 1) * (LogSumExp(scores) - LogSumExp(scores.Where((_, i) => right[i]).ToArray()));
        }

        return loss;
    }

    private static double LogSumExp(double[] values)
    {
        var max = values.Max();
        return max + Math.Log(values.Sum(v => Math.Exp(v - max)));
    }

    public static double Dot(double[] w, double[] row)
    {
        var z = 0.0;
        for (var i = 0; i < row.Length; i++)
        {
            z += w[i] * row[i];
        }

        return z;
    }
}
