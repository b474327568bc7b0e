using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>Which features a fitted model weighs: serving measures only those, so an unweighed one must read as such.</summary>
public sealed class ScorerWeightsTests
{
    [Fact]
    public void A_feature_is_weighed_when_the_ranker_or_the_calibrator_gives_it_weight()
    {
        var scorer = new ScorerWeights
        {
            Ranker = LinearModel.Zero(AnswerFeatures.Names.Count),
            Calibrator = LinearModel.Zero(AnswerFeatures.ConfidenceNames.Count),
        };
        scorer.Ranker.Weights[AnswerFeatures.IndexOf(AnswerFeatures.Coverage)] = 0.9;
        scorer.Calibrator.Weights[AnswerFeatures.ConfidenceNames.ToList().IndexOf(AnswerFeatures.TypeMismatch)] = -1.2;

        Assert.True(scorer.Weighs(AnswerFeatures.Coverage));
        Assert.True(scorer.Weighs(AnswerFeatures.TypeMismatch));
        Assert.False(scorer.Weighs(AnswerFeatures.Words));
        Assert.False(scorer.Weighs(AnswerFeatures.SemanticRank));
    }
}
