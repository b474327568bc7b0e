using StoryBot.Knowledge.Semantics;
using Xunit;

namespace StoryBot.Knowledge.Tests.Semantics;

/// <summary>
/// The four-lane <see cref="SemanticEncoder.Cosines"/> must give exactly what <see cref="SemanticEncoder.Cosine"/>
/// gives one vector at a time: answers and confidences depend on these values, and a speed change may not move them.
/// </summary>
public sealed class CosinesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(11)]
    [InlineData(21)]
    [InlineData(126)]
    public void Cosines_AreBitIdenticalToOneAtATime(int count)
    {
        var random = new Random(count);
        float[] Vector() => Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() * 2 - 1) / 20f).ToArray();
        var query = Vector();
        var vectors = Enumerable.Range(0, count).Select(_ => Vector()).ToArray();

        var together = new float[count];
        SemanticEncoder.Cosines(query, vectors, together);

        for (var d = 0; d < count; d++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(SemanticEncoder.Cosine(query, vectors[d])), BitConverter.SingleToInt32Bits(together[d]));
        }
    }
}
