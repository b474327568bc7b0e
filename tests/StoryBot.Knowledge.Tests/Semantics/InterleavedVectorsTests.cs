using StoryBot.Knowledge.Semantics;
using Xunit;

namespace StoryBot.Knowledge.Tests.Semantics;

/// <summary>
/// <see cref="InterleavedVectors.Cosines"/> must give exactly what <see cref="SemanticEncoder.Cosine"/> (and so the
/// <see cref="SemanticEncoder.Cosines"/> the smalltalk detector used before) gives one vector at a time: the smalltalk
/// decision and its confidence depend on these values, and a speed change may not move them.
/// </summary>
public sealed class InterleavedVectorsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    [InlineData(126)]
    [InlineData(333)]
    public void Cosines_AreBitIdenticalToOneAtATime(int count)
    {
        var random = new Random(count);
        float[] Vector() => Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() * 2 - 1) / 20f).ToArray();
        var query = Vector();
        var vectors = Enumerable.Range(0, count).Select(_ => Vector()).ToArray();

        var laidOut = new float[count + 3];
        new InterleavedVectors(vectors).Cosines(query, laidOut);
        var before = new float[count];
        SemanticEncoder.Cosines(query, vectors, before);

        for (var d = 0; d < count; d++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(SemanticEncoder.Cosine(query, vectors[d])), BitConverter.SingleToInt32Bits(laidOut[d]));
            Assert.Equal(BitConverter.SingleToInt32Bits(before[d]), BitConverter.SingleToInt32Bits(laidOut[d]));
        }

        Assert.All(laidOut[count..], value => Assert.Equal(0f, value)); // nothing written past the vectors
    }

    [Fact]
    public void Cosines_KeepSignedZerosTinyAndHugeValuesAsTheScalarSumDoes()
    {
        float[] query = [-0f, 1e-30f, 3e38f, -3e38f, 1f, float.Epsilon];
        var vectors = new[]
        {
            new[] { 0f, 1e-30f, 2f, 2f, -0f, 1f },
            new[] { -0f, -0f, -0f, -0f, -0f, -0f },
            new[] { 1f, 1f, 1f, -1f, 1f, 1f },
            new[] { 1e-8f, 1e8f, 0f, 0f, 0.1f, -1f },
        };

        var laidOut = new float[vectors.Length];
        new InterleavedVectors(vectors).Cosines(query, laidOut);

        for (var d = 0; d < vectors.Length; d++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(SemanticEncoder.Cosine(query, vectors[d])), BitConverter.SingleToInt32Bits(laidOut[d]));
        }
    }

    [Fact]
    public void Constructor_RejectsVectorsOfDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => new InterleavedVectors([new float[4], new float[3]]));

    [Fact]
    public void Cosines_OfNoVectors_WritesNothing()
    {
        var into = new float[2];
        new InterleavedVectors([]).Cosines(new float[384], into);
        Assert.Equal([0f, 0f], into);
    }
}
