using System.Numerics;
using System.Runtime.InteropServices;

namespace StoryBot.Knowledge.Semantics;

/// <summary>
/// A fixed set of vectors laid out for <see cref="Cosines"/> with one query: in blocks of <see cref="Vector{T}.Count"/>
/// vectors (8 with AVX2), component by component, so that one SIMD load holds the same component of every vector in
/// the block. Why: the smalltalk examples are scored against every message (~4 % of a warm turn's CPU with
/// <see cref="SemanticEncoder.Cosines"/>, whose four scalar sums are as wide as it can go over separate arrays). Each
/// lane keeps its own running sum and adds its products in the order <see cref="SemanticEncoder.Cosine"/> does —
/// a multiply rounded to float, then an add, never fused — so every result is bit-identical to it. The layout is
/// built once from data that never changes; it caches nothing about any message.
/// </summary>
public sealed class InterleavedVectors
{
    private static readonly int Width = Vector<float>.Count;

    private readonly float[] _blocks;
    private readonly int _dimensions;

    /// <summary>Lays out <paramref name="vectors"/>, which must all have the same length.</summary>
    public InterleavedVectors(IReadOnlyList<float[]> vectors)
    {
        Count = vectors.Count;
        _dimensions = Count == 0 ? 0 : vectors[0].Length;
        var blocks = (Count + Width - 1) / Width;
        _blocks = new float[blocks * _dimensions * Width];
        for (var v = 0; v < Count; v++)
        {
            var vector = vectors[v];
            if (vector.Length != _dimensions)
            {
                throw new ArgumentException($"vector {v} has {vector.Length} components, the first has {_dimensions}", nameof(vectors));
            }

            var start = (v / Width) * _dimensions * Width;
            var lane = v % Width;
            for (var i = 0; i < _dimensions; i++)
            {
                _blocks[start + (i * Width) + lane] = vector[i];
            }
        }
    }

    /// <summary>How many vectors there are.</summary>
    public int Count { get; }

    /// <summary>
    /// <see cref="SemanticEncoder.Cosine"/> of <paramref name="query"/> (as long as the vectors) with each vector, in
    /// order, written to the first <see cref="Count"/> places of <paramref name="into"/>.
    /// </summary>
    public void Cosines(float[] query, Span<float> into)
    {
        if (query.Length != _dimensions && Count > 0)
        {
            throw new ArgumentException($"the query has {query.Length} components, the vectors {_dimensions}", nameof(query));
        }

        ref var blocks = ref MemoryMarshal.GetArrayDataReference(_blocks);
        Span<float> sums = stackalloc float[Width];
        for (int first = 0, start = 0; first < Count; first += Width, start += _dimensions * Width)
        {
            var sum = Vector<float>.Zero;
            for (var i = 0; i < query.Length; i++)
            {
                var product = new Vector<float>(query[i]) * Vector.LoadUnsafe(ref blocks, (nuint)(start + (i * Width)));
                sum += product;
            }

            sum.CopyTo(sums);
            sums[..Math.Min(Width, Count - first)].CopyTo(into[first..]);
        }
    }
}
