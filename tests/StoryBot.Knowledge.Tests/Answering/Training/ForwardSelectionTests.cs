using StoryBot.Knowledge.Answering.Training;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering.Training;

public sealed class ForwardSelectionTests
{
    /// <summary>Features 2 and 0 help (2 more), 1 and 3 add nothing: the selection takes 2, then 0, then stops.</summary>
    [Fact]
    public void Select_AddsTheMostHelpfulFeatureFirst_AndStopsWhenNothingHelps()
    {
        double Score(IReadOnlyList<int> set) => (set.Contains(2) ? 5 : 0) + (set.Contains(0) ? 3 : 0) - (0.1 * set.Count);

        var chosen = ForwardSelection.Select(new[] { 0, 1, 2, 3 }, Score);

        Assert.Equal(new[] { 2, 0 }, chosen);
    }

    [Fact]
    public void Select_BreaksTiesByTheEarlierFeature_SoTrainingIsDeterministic()
    {
        var chosen = ForwardSelection.Select(new[] { 4, 1, 7 }, set => set.Count == 1 ? 1 : 0);

        Assert.Equal(new[] { 4 }, chosen);
    }

    /// <summary>A model needs something to go on: the best single feature is kept even when every addition costs.</summary>
    [Fact]
    public void Select_KeepsTheBestSingleFeature_WhenEveryAdditionCosts()
    {
        var chosen = ForwardSelection.Select(new[] { 0, 1 }, set => (set.Contains(1) ? 0.5 : 0) - set.Count);

        Assert.Equal(new[] { 1 }, chosen);
    }
}
