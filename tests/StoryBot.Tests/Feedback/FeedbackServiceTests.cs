using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using StoryBot.Feedback;
using StoryBot.Knowledge.Answering;
using StoryBot.Tests.DirectLine;
using Xunit;

namespace StoryBot.Tests.Feedback;

/// <summary>Which replies can be rated, near-ties kept without a click, and a store that fails never failing the turn.</summary>
public sealed class FeedbackServiceTests
{
    private static readonly Citation Comey = new("ap", "Title", "AP", 8, 8, Repo.ComeySentence, "James Comey", 43);
    private static readonly Citation Flynn = new("ap", "Title", "AP", 9, 9, Repo.FlynnSentence, null);
    private static readonly Activity Question = new() { Type = ActivityTypes.Message, ChannelId = "directline", From = new ChannelAccount("user-1"), Conversation = new ConversationAccount(id: "c-1") };

    private readonly InMemoryFeedbackStore _store = new(new FeedbackOptions(), new ManualClock());

    [Theory]
    [InlineData(ReplyKind.Greeting, false)]
    [InlineData(ReplyKind.Help, false)]
    [InlineData(ReplyKind.Thanks, false)]
    [InlineData(ReplyKind.Reset, false)]
    [InlineData(ReplyKind.Answer, true)]
    [InlineData(ReplyKind.NoAnswer, true)]
    [InlineData(ReplyKind.Summary, true)]
    [InlineData(ReplyKind.Source, true)]
    public void Smalltalk_cannot_be_rated_and_everything_about_the_story_can(ReplyKind kind, bool ratable)
    {
        var answer = Service().Prepare(new KnowledgeReply { Kind = kind }, "a question", "ap");

        Assert.Equal(ratable, answer is not null);
    }

    [Fact]
    public void A_decline_is_filed_under_the_story_of_its_closest_passage_and_cites_nothing()
    {
        var answer = Service().Prepare(new KnowledgeReply { Kind = ReplyKind.NoAnswer, Related = [Flynn with { StoryId = "other" }] }, "who replaced Comey?", "ap")!;

        Assert.Equal(("noAnswer", "other"), (answer.Intent, answer.Story));
        Assert.Empty(answer.Citations);
        Assert.Matches("^[0-9a-f]{16}$", answer.Id);
    }

    [Theory]
    [InlineData(0.62, 0.60, true)]
    [InlineData(0.62, 0.50, false)]
    public async Task An_answer_whose_two_best_sentences_are_within_the_margin_is_kept_as_a_near_tie(double best, double second, bool kept)
    {
        var service = Service();
        var reply = new KnowledgeReply { Kind = ReplyKind.Answer, Answered = true, Confidence = best, Citations = [Comey], RunnerUp = Flynn, RunnerUpConfidence = second };
        var answer = service.Prepare(reply, "who did trump fire first?", "ap")!;

        await service.KeepNearTieAsync(Question, answer, reply);

        var records = await _store.ListAsync();
        Assert.Equal(kept, records.Count == 1);
        if (kept)
        {
            Assert.Equal((FeedbackReaction.NearTie, "who did trump fire first?", 9, 0.60), (records[0].Reaction, records[0].Question, records[0].RunnerUp!.Sentence, records[0].RunnerUpConfidence));
        }
    }

    [Fact]
    public async Task A_store_that_fails_is_logged_and_answered_503_never_thrown_into_the_turn()
    {
        var service = new FeedbackService(new FeedbackOptions(), new FailingStore(), TimeProvider.System, NullLogger<FeedbackService>.Instance);
        var reply = new KnowledgeReply { Kind = ReplyKind.Answer, Answered = true, Confidence = 0.5, Citations = [Comey], RunnerUp = Flynn, RunnerUpConfidence = 0.5 };
        var answer = service.Prepare(reply, "q", "ap")!;

        await service.KeepNearTieAsync(Question, answer, reply); // does not throw
        var outcome = await service.RateAsync(Question, new FeedbackSubmission(answer.Id, "like", null), [answer]);
        var byMessageId = await service.RateAsync(Question, new FeedbackSubmission("1747042867500", "like", null), []);

        Assert.Equal(503, outcome.Status);
        Assert.Equal(404, byMessageId.Status); // the store could not say which answer: not found, not a 500
    }

    [Fact]
    public async Task With_Feedback_Enabled_false_nothing_is_offered_and_a_rating_is_refused()
    {
        var service = new FeedbackService(new FeedbackOptions { Enabled = false }, _store, TimeProvider.System, NullLogger<FeedbackService>.Instance);

        Assert.Null(service.Prepare(new KnowledgeReply { Kind = ReplyKind.Answer }, "q", "ap"));
        Assert.Equal(400, (await service.RateAsync(Question, new FeedbackSubmission("x", "like", null), [])).Status);
    }

    private FeedbackService Service() => new(new FeedbackOptions(), _store, new ManualClock(), NullLogger<FeedbackService>.Instance);

    private sealed class FailingStore : IFeedbackStore
    {
        public Task AddOrReplaceAsync(FeedbackRecord record, CancellationToken cancellationToken = default) => throw new IOException("store down");

        public Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken = default) => throw new IOException("store down");

        public Task<string> GetOrCreateSaltAsync(CancellationToken cancellationToken = default) => throw new IOException("store down");

        public Task RememberSentAsync(string messageId, SentAnswer answer, CancellationToken cancellationToken = default) => throw new IOException("store down");

        public Task<SentAnswer?> FindSentAsync(string messageId, CancellationToken cancellationToken = default) => throw new IOException("store down");
    }
}
