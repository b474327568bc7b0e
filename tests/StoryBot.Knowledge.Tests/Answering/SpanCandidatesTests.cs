using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>
/// The stretches of a cited sentence the span model chooses among: the asked-for kind marked as such, phrases cut at
/// prepositions and conjunctions, nothing longer than ten words, every one a real part of the sentence.
/// </summary>
public sealed class SpanCandidatesTests : IDisposable
{
    private readonly TempFolder _index = new();
    private readonly StoryKnowledge _knowledge;

    public SpanCandidatesTests()
    {
        _knowledge = StoryKnowledge.Load(new KnowledgeOptions { StoryPath = TestFiles.RealStory, IndexPath = _index.Path, ModelPath = TestFiles.Model });
    }

    [Fact]
    public void WhoDidTrumpFire_TheNameIsACandidateOfTheAskedKind()
    {
        var sentence = Sentence("Trump on Tuesday abruptly fired FBI Director James Comey");

        var candidates = _knowledge.SpanCandidatesFor("who did Trump fire?", new ConversationMemory(), sentence)!;

        var comey = Assert.Single(candidates, c => c.Text == "James Comey");
        Assert.Equal(1, comey.Features[SpanFeatures.Names.ToList().IndexOf("typed." + SpanFeatures.KindFits)]);
        Assert.All(candidates, c => Assert.Equal(c.Text, sentence.Sentence.Text.Substring(c.Start, c.Length)));
    }

    [Fact]
    public void WhatKindOfWeapons_APhraseHoldsTheAnswer_AndNoCandidateIsLong()
    {
        var sentence = Sentence("Trump fired nearly 60 cruise missiles");

        var candidates = _knowledge.SpanCandidatesFor("what kind of weapons did the us launch at syria", new ConversationMemory(), sentence)!;

        Assert.Contains(candidates, c => SpanMatch.Matches(c.Text, "cruise missiles"));
        Assert.Contains(candidates, c => c.Text == "a Syrian air base" || c.Text == "Syrian air base");
        Assert.All(candidates, c => Assert.True(c.Text.Split(' ').Length <= 2 * SpanCandidates.MaxWords, c.Text));
    }

    [Fact]
    public void Smalltalk_HasNoCandidates()
    {
        Assert.Null(_knowledge.SpanCandidatesFor("thanks!", new ConversationMemory(), Sentence("Trump fired nearly 60 cruise missiles")));
    }

    [Fact]
    public void TheBotShowsTheSpanModelsChoice()
    {
        var reply = _knowledge.Respond("who did Trump fire?", new ConversationMemory());

        Assert.Equal("James Comey", reply.Citations[0].Span);
    }

    [Fact]
    public void Best_ChoosesWhatTheBestOfAllCandidatesWouldBe_ForEveryDevQuestionAndSentence()
    {
        var model = AnswerModel.Load(TestFiles.Model).Span!;
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFiles.Root, "eval", "dev", "questions.json")));
        var questions = json.RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.TryGetProperty("question", out _)).Select(c => c.GetProperty("question").GetString()!).ToList();
        var compared = 0;
        foreach (var question in questions)
        {
            var spanQuestion = _knowledge.SpanQuestionFor(question, new ConversationMemory());
            foreach (var profile in spanQuestion is null ? new() : _knowledge.Model.Profiles.ToList())
            {
                var all = SpanCandidates.Of(spanQuestion, profile);
                var expected = all.Count == 0 ? ((int, int)?)null : all.Select((c, i) => (c, i, Score: model.Score(c.Features)))
                    .OrderByDescending(x => x.Score).ThenBy(x => x.i).Select(x => ((int, int)?)(x.c.Start, x.c.Length)).First();
                Assert.Equal(expected, SpanCandidates.Best(spanQuestion!, profile, model));
                compared++;
            }
        }

        Assert.True(compared > 1000, $"compared {compared}");
    }

    private StoryBot.Knowledge.Analysis.SentenceProfile Sentence(string startsWith) =>
        _knowledge.Model.Profiles.Single(p => p.Sentence.Text.Contains(startsWith, StringComparison.Ordinal));

    public void Dispose()
    {
        _knowledge.Dispose();
        _index.Dispose();
    }
}
