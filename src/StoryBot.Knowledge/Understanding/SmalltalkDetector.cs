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
        // examples on one scale, and smalltalk is whatever lies nearer an example than any sentence.
        var vectors = SemanticEncoder.Shared.EncodePassages(examples.Select(e => e.Text).ToList());
        return examples.Select((e, i) => (e.Intent, vectors[i])).ToArray();
    });

    private readonly (Intent Intent, float[] Vector)[] _examples = Encoded.Value;

    /// <summary>
    /// The nearest example's cosine to <paramref name="queryVector"/> (a prefixed query embedding), and the intent whose
    /// three nearest examples are nearest on average: one stray example does not decide the kind of smalltalk.
    /// </summary>
    public (Intent Intent, double Similarity) Nearest(float[] queryVector)
    {
        const int votes = 3;
        var scored = _examples.Select(e => (e.Intent, Similarity: (double)SemanticEncoder.Cosine(queryVector, e.Vector))).ToList();
        var intent = scored.GroupBy(e => e.Intent)
            .Select(g => (Intent: g.Key, Score: g.OrderByDescending(e => e.Similarity).Take(votes).Average(e => e.Similarity)))
            .MaxBy(g => g.Score).Intent;
        return (intent, scored.Max(e => e.Similarity));
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
