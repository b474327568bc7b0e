using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>
/// The analyzer's loops that replaced LINQ chains give what the chains gave: <see cref="QuestionAnalyzer.Dedupe"/>
/// keeps, per key, the first of the heaviest alternatives, in the order the keys first appear.
/// </summary>
public sealed class QuestionAnalyzerTests
{
    private static List<QueryAlternative> ReferenceDedupe(List<QueryAlternative> alternatives) =>
        alternatives.GroupBy(a => a.Key).Select(g => g.OrderByDescending(a => a.Weight).First()).ToList();

    [Fact]
    public void Dedupe_IsGroupByOrderByDescendingFirst()
    {
        var stems = new[] { "a", "b", "c", "d" };
        var weights = new[] { 0.35f, 0.8f, 0.8f, 1f, 0.95f, float.NaN };
        var random = new Random(11);
        for (var n = 0; n < 5_000; n++)
        {
            var alternatives = new List<QueryAlternative>();
            for (var i = random.Next(0, 12); i > 0; i--)
            {
                // distinct arrays with equal contents: equal weights must keep the first of them
                var key = Enumerable.Range(0, random.Next(1, 3)).Select(_ => stems[random.Next(stems.Length)]).ToArray();
                alternatives.Add(new QueryAlternative(key, weights[random.Next(weights.Length)]));
            }

            var expected = ReferenceDedupe(alternatives);
            var actual = QuestionAnalyzer.Dedupe(alternatives);
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Same(expected[i].Stems, actual[i].Stems);
                Assert.Equal(expected[i].Weight, actual[i].Weight);
            }
        }
    }

    [Theory]
    [InlineData("who was fired", "fired")]
    [InlineData("who got canned from the fbi", "canned")]
    [InlineData("who's been charged", "charged")]
    [InlineData("so who will be replaced", "replaced")]
    [InlineData("who was abruptly ousted", "ousted")]
    [InlineData("who fired comey", null)] // active: asks for who acted
    [InlineData("who was president", null)] // copular: a role, not a participle
    [InlineData("who got the job", null)]
    [InlineData("who are the children", null)] // a noun phrase that happens to end in -en
    [InlineData("what was fired", null)] // not a who-question
    [InlineData("who was the guy that got fired", "fired")] // the person the relative clause is about
    [InlineData("who's the lady who was sacked", "sacked")]
    [InlineData("who was the guy that fired comey", null)] // active inside the clause: who acted
    public void PassiveParticiple_IsTheVerbOfAPassiveWhoQuestion(string normalized, string? participle) =>
        Assert.Equal(participle, QuestionAnalyzer.PassiveParticiple(normalized));

    /// <summary>A yes/no question may offer two choices; "or not", "or nah", "or what" offer none.</summary>
    [Theory]
    [InlineData("is sally yates a democrat or republican", "democrat republican")]
    [InlineData("is she a dem or a gop", "democrat gop")]
    [InlineData("did the judge order them back to work or what", null)]
    [InlineData("is the ceo still on board with iowa or nah", null)]
    [InlineData("so are they gonna extend the hiring deadline or not", null)]
    public void ChoiceQuestion_OffersItsTwoChoices(string normalized, string? choices) =>
        Assert.Equal(choices, QuestionAnalyzer.Choices(normalized) is { } c ? string.Join(' ', c) : null);
}
