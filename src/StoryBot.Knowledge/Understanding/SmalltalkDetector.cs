using StoryBot.Knowledge.Semantics;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Recognises smalltalk in the forms people type ("yo", "ty!! super useful", "do u have a name") by the nearest
/// example utterance in embedding space, where intent rules alone have not held. The examples are data
/// (<c>Data/smalltalk-examples.tsv</c>), with off-topic questions as a class of their own so that "what's a good
/// pizza place" stays a question (declined) however far it is from the story; the lead over the story's sentences
/// above which a message counts as smalltalk is fitted by the <c>train</c> command and kept in the answer model.
/// </summary>
public sealed class SmalltalkDetector
{
    // The examples are fixed, so they are encoded once per process, not once per loaded story.
    private static readonly Lazy<(Intent Intent, float[] Vector)[]> Encoded = new(() =>
    {
        var examples = Examples();
        // Encoded as passages, like story sentences: a message then retrieves among story sentences and smalltalk
        // examples on one scale, and smalltalk is whatever lies nearer an example than any sentence. Shorthand is
        // written out as it is in the message ("not sure what to ask tbh" meets "no idea what to ask tbh" without "tbh").
        var vectors = SemanticEncoder.Shared.EncodePassages(examples.Select(e => Slang.ForEmbedding(e.Text)).ToList());
        return examples.Select((e, i) => (e.Intent, vectors[i])).ToArray();
    });

    private readonly InterleavedVectors _vectors;

    // The examples' indices by intent, intents in the order they first appear (as LINQ's GroupBy would list them).
    private readonly (Intent Intent, int[] Members)[] _groups;

    // One buffer of cosines per thread: Nearest runs on every question, and a turn runs on one thread at a time.
    [ThreadStatic]
    private static float[]? _cosines;

    public SmalltalkDetector()
    {
        var examples = Encoded.Value;
        _vectors = new InterleavedVectors(examples.Select(e => e.Vector).ToArray());
        _groups = Enumerable.Range(0, examples.Length).GroupBy(i => examples[i].Intent).Select(g => (g.Key, g.ToArray())).ToArray();
    }

    /// <summary>
    /// How many of an intent's nearest examples vote for it. Two, not three: the off-topic questions are many different
    /// requests (weather, recipes, shopping), so their third-nearest is far where a greeting's is near, and with three
    /// "how do i reset my wifi router" was taken for a help request (training-side probes, docs/quality.md).
    /// </summary>
    internal const int Votes = 2;

    /// <summary>
    /// The nearest example's cosine to <paramref name="queryVector"/> (a prefixed query embedding), and the intent whose
    /// <see cref="Votes"/> nearest examples are nearest on average: one stray example does not decide the kind of
    /// smalltalk. Only intents <paramref name="allowed"/> takes vote (all when null).
    /// Loops rather than LINQ grouping (it ran on every question); the sums and ties come out as they did with
    /// <c>GroupBy</c>/<c>OrderByDescending</c>/<c>Average</c>/<c>MaxBy</c>, so the result is the same to the bit.
    /// </summary>
    public (Intent Intent, double Similarity) Nearest(float[] queryVector, Func<Intent, bool>? allowed = null)
    {
        var cosines = _cosines is { } buffer && buffer.Length >= _vectors.Count ? buffer : _cosines = new float[_vectors.Count];
        _vectors.Cosines(queryVector, cosines);
        var nearest = double.NaN;
        for (var i = 0; i < _vectors.Count; i++)
        {
            double similarity = cosines[i];
            if (double.IsNaN(nearest) || similarity > nearest)
            {
                nearest = similarity; // Enumerable.Max: NaN only when every value is NaN
            }
        }

        var intent = default(Intent);
        var bestScore = double.NaN;
        var first = true;
        Span<double> top = stackalloc double[Votes];
        foreach (var (groupIntent, members) in _groups)
        {
            if (allowed is not null && !allowed(groupIntent))
            {
                continue;
            }

            // The group's `Votes` largest cosines, largest first, summed in that order as Average sums them.
            var count = 0;
            foreach (var member in members)
            {
                double value = cosines[member];
                var at = count;
                while (at > 0 && top[at - 1].CompareTo(value) < 0)
                {
                    at--;
                }

                if (at >= Votes)
                {
                    continue;
                }

                for (var k = Math.Min(count, Votes - 1); k > at; k--)
                {
                    top[k] = top[k - 1];
                }

                top[at] = value;
                count = Math.Min(count + 1, Votes);
            }

            var sum = top[0];
            for (var k = 1; k < count; k++)
            {
                sum += top[k];
            }

            var score = sum / count;
            if (first || score.CompareTo(bestScore) > 0)
            {
                (intent, bestScore, first) = (groupIntent, score, false); // MaxBy keeps the first of equal scores
            }
        }

        if (first)
        {
            throw new InvalidOperationException("No smalltalk examples."); // as MaxBy over no groups
        }

        return (intent, nearest);
    }

    /// <summary>The <paramref name="count"/> examples nearest <paramref name="queryVector"/>, nearest first (for <c>ask --explain</c>).</summary>
    public IReadOnlyList<(Intent Intent, string Text, double Similarity)> NearestExamples(float[] queryVector, int count)
    {
        var examples = Examples();
        var cosines = new float[_vectors.Count];
        _vectors.Cosines(queryVector, cosines);
        return Enumerable.Range(0, _vectors.Count)
            .OrderByDescending(i => cosines[i])
            .Take(count)
            .Select(i => (examples[i].Intent, examples[i].Text, (double)cosines[i]))
            .ToList();
    }

    private static readonly Lazy<IReadOnlyList<(Intent Intent, string Text)>> Loaded = new(Read);

    /// <summary>The example utterances, read from the embedded data file once per process (the detector and <see cref="ChatSpelling"/> share them).</summary>
    public static IReadOnlyList<(Intent Intent, string Text)> Examples() => Loaded.Value;

    private static IReadOnlyList<(Intent Intent, string Text)> Read()
    {
        using var stream = typeof(SmalltalkDetector).Assembly.GetManifestResourceStream("StoryBot.Knowledge.smalltalk-examples.tsv")
            ?? throw new InvalidOperationException("The smalltalk examples resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var examples = new List<(Intent, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 2);
            if (parts.Length != 2 || !Enum.TryParse<Intent>(parts[0], ignoreCase: true, out var intent))
            {
                throw new InvalidDataException($"Bad smalltalk example line: '{line}'.");
            }

            examples.Add((intent, parts[1]));
        }

        return examples;
    }
}
