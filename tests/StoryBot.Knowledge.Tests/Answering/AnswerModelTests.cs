using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>The fitted model file: the committed one is complete, and a missing or mismatched one is a clear error.</summary>
public sealed class AnswerModelTests
{
    [Fact]
    public void CommittedModel_HasBothVariants_WithOneWeightPerFeature_AndAFittedThreshold()
    {
        var model = AnswerModel.Load(TestFiles.Model);

        Assert.Equal(AnswerFeatures.Names, model.Features);
        foreach (var semantic in new[] { true, false })
        {
            var variant = model.Variant(semantic);
            Assert.Equal(AnswerFeatures.Names.Count, variant.Ranker.Weights.Count);
            Assert.Equal(AnswerFeatures.ConfidenceNames.Count, variant.Calibrator.Weights.Count);
            Assert.InRange(variant.Threshold, 0.05, 0.95);
            Assert.Contains(variant.Ranker.Weights, w => Math.Abs(w) > 0.01);
        }

        Assert.NotNull(model.Variant(semantic: true).IntentMargin);
        Assert.True(model.Training!.ContainsKey("sets"));
    }

    [Fact]
    public void MissingModel_NamesThePathAndTheCommandThatWritesIt()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => AnswerModel.Load("/nonexistent/answer-model.json"));

        Assert.Contains("/nonexistent/answer-model.json", ex.Message);
        Assert.Contains("train", ex.Message);
    }

    [Fact]
    public void ModelFittedForOtherFeatures_IsRefused()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("model.json");
        File.WriteAllText(path, """{ "version": 1, "features": ["coverage"], "variants": {} }""");

        var ex = Assert.Throws<InvalidDataException>(() => AnswerModel.Load(path));

        Assert.Contains("other features", ex.Message);
    }

    [Fact]
    public void Calibrator_TurnsEvidenceIntoAProbability()
    {
        var weights = new ScorerWeights { Calibrator = new LinearModel { Mean = new() { 0 }, Scale = new() { 1 }, Weights = new() { 2 }, Bias = -1 } };

        Assert.Equal(0.5, weights.Confidence(new[] { 0.5 }), 6);
        Assert.True(weights.Confidence(new[] { 3.0 }) > 0.99);
    }
}
