namespace StoryBot.Knowledge.Answering.Training;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method: deterministic (no random start, no sampling),
/// converges in a few iterations on a few thousand rows, and needs no package.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fits weights (last entry: the bias, not regularised) to rows <paramref name="x"/> with 0/1 labels <paramref name="y"/>.</summary>
    /// <param name="weights">Per-row weights (null: all 1), so a story with many questions does not drown the others.</param>
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2, IReadOnlyList<double>? weights = null, int iterations = 30)
    {
        var d = x.Count == 0 ? 0 : x[0].Length;
        var w = new double[d + 1];
        for (var iter = 0; iter < iterations; iter++)
        {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1, d + 1];
            for (var n = 0; n < x.Count; n++)
            {
                var p = Sigmoid(Dot(w, x[n]));
                var rowWeight = weights?[n] ?? 1;
                var error = rowWeight * (p - (y[n] ? 1 : 0));
                var curvature = rowWeight * Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i <= d; i++)
                {
                    var xi = i < d ? x[n][i] : 1;
                    gradient[i] += error * xi;
                    for (var j = 0; j <= i; j++)
                    {
                        hessian[i, j] += curvature * xi * (j < d ? x[n][j] : 1);
                    }
                }
            }

            for (var i = 0; i <= d; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    hessian[j, i] = hessian[i, j];
                }

                if (i < d)
                {
                    gradient[i] += l2 * w[i];
                    hessian[i, i] += l2;
                }
                else
                {
                    hessian[i, i] += 1e-6;
                }
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i <= d; i++)
            {
                w[i] -= step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return w;
    }

    /// <summary>The logit of a row under weights from <see cref="Fit"/>.</summary>
    public static double Dot(double[] w, double[] row)
    {
        var z = w[^1];
        for (var i = 0; i < row.Length; i++)
        {
            z += w[i] * row[i];
        }

        return z;
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // Gaussian elimination with partial pivoting; the matrix is small (features + 1).
    internal static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                }

                (v[col], v[pivot]) = (v[pivot], v[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var factor = m[r, col] / m[col, col];
                for (var c = col; c < n; c++)
                {
                    m[r, c] -= factor * m[col, c];
                }

                v[r] -= factor * v[col];
            }
        }

        var result = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = v[r];
            for (var c = r + 1; c < n; c++)
            {
                sum -= m[r, c] * result[c];
            }

            result[r] = sum / m[r, r];
        }

        return result;
    }
}
