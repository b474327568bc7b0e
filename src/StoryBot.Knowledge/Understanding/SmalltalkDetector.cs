using StoryBot.Knowledge.Semantics;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Recognises smalltalk in the forms people type ("yo", "ty!! super useful", "do u have a name") by the nearest
/// example utterance in embedding space, where intent rules alone have not held. The examples are data
/// (<c>Data/smalltalk-examples.tsv</c>); the cosine above which a message counts as smalltalk is fitted by the
/// <c>train</c> command and kept in the answer model.
/// </summary>
public sealed class SmalltalkDetector
{
    private readonly (Intent Intent, float[] Vector)[] _examples;

    public SmalltalkDetector(SemanticEncoder encoder)
    {
        var examples = Examples();
        var vectors = encoder.EncodeQueries(examples.Select(e => e.Text).ToList());
        _examples = examples.Select((e, i) => (e.Intent, vectors[i])).ToArray();
    }

    /// <summary>The nearest example's intent and its cosine to <paramref name="queryVector"/> (a prefixed query embedding).</summary>
    public (Intent Intent, double Similarity) Nearest(float[] queryVector)
    {
        var best = (Intent: Intent.Question, Similarity: double.MinValue);
        foreach (var (intent, vector) in _examples)
        {
            var similarity = SemanticEncoder.Cosine(queryVector, vector);
            if (similarity > best.Similarity)
            {
                best = (intent, similarity);
            }
        }

        return best;
    }

    /// <summary>The example utterances, read from the embedded data file.</summary>
    public static IReadOnlyList<(Intent Intent, string Text)> Examples()
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
