using System.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StoryBot.Knowledge.Answering;
using StoryBot.Rendering;

namespace StoryBot.Feedback;

/// <summary>
/// The feedback loop's one entry point for the bot: which replies can be rated and what is remembered about
/// them when they are sent, near-ties kept without a click, and a rating from Teams or Web Chat matched to
/// its answer and kept (store, then the optional JSON Lines file). Refusals are results, never exceptions.
/// </summary>
public sealed class FeedbackService
{
    private static readonly string BotVersion =
        typeof(FeedbackService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly FeedbackOptions _options;
    private readonly IFeedbackStore _store;
    private readonly FeedbackHasher _hasher;
    private readonly FeedbackJsonLinesFile? _file;
    private readonly TimeProvider _clock;
    private readonly ILogger<FeedbackService> _logger;

    public FeedbackService(FeedbackOptions options, IFeedbackStore store, TimeProvider clock, ILogger<FeedbackService> logger)
    {
        _options = options;
        _store = store;
        _hasher = new FeedbackHasher(options, store);
        _file = options.Path is null ? null : new FeedbackJsonLinesFile(options.Path);
        _clock = clock;
        _logger = logger;
    }

    public bool Enabled => _options.Enabled;

    public int MaxCommentLength => _options.MaxCommentLength;

    /// <summary>
    /// What to remember about <paramref name="reply"/> so it can be rated, or null when it cannot: smalltalk
    /// (nothing about the story to judge) or the loop switched off. Declines can be rated: a wrong "the story
    /// doesn't say" is one of the failures worth finding.
    /// </summary>
    public SentAnswer? Prepare(KnowledgeReply reply, string question, string defaultStory)
    {
        if (!Enabled || reply.Kind is ReplyKind.Greeting or ReplyKind.Help or ReplyKind.About or ReplyKind.Thanks or ReplyKind.Goodbye or ReplyKind.Reset or ReplyKind.Acknowledge)
        {
            return null;
        }

        var citations = reply.Answered ? reply.Citations : Array.Empty<Citation>();
        return new SentAnswer
        {
            Id = AnswerIds.Next(),
            Question = question,
            Intent = ReplyEntity.IntentName(reply.Kind),
            Confidence = Math.Round(reply.Confidence, 3),
            Story = citations.FirstOrDefault()?.StoryId ?? reply.Related.FirstOrDefault()?.StoryId ?? defaultStory,
            Citations = citations.Select(FeedbackCitation.From).ToList(),
        };
    }

    /// <summary>
    /// Remembers <paramref name="answer"/> under the id the channel's connector gives <paramref name="message"/>
    /// when it actually goes out: Teams' feedback names the rated reply only by that id. Hooked into the send
    /// because with Storage:Kind=redis replies are held until the turn's state is saved, so the id comes later.
    /// </summary>
    public void RememberWhenSent(ITurnContext turnContext, IMessageActivity message, SentAnswer answer)
    {
        var incoming = turnContext.Activity;
        turnContext.OnSendActivities(async (_, activities, next) =>
        {
            var responses = await next();
            var index = activities.FindIndex(a => ReferenceEquals(a, message));
            if (index >= 0 && responses is not null && index < responses.Length && !string.IsNullOrEmpty(responses[index]?.Id))
            {
                var messageId = responses[index].Id;
                await TryAsync(async () =>
                {
                    var conversation = await _hasher.HashAsync(incoming.ChannelId ?? "unknown", incoming.Conversation?.Id);
                    await _store.RememberSentAsync(messageId, answer.WithConversation(conversation));
                });
            }

            return responses!;
        });
    }

    /// <summary>
    /// Keeps an answer whose two best sentences were nearly tied (Feedback:NearTieMargin): the bot answered
    /// anyway, so a person should look at it, as active learning does, without anyone clicking.
    /// </summary>
    public async Task KeepNearTieAsync(IActivity question, SentAnswer answer, KnowledgeReply reply, CancellationToken cancellationToken = default)
    {
        if (!Enabled || reply.Kind != ReplyKind.Answer || reply.RunnerUp is null || _options.NearTieMargin <= 0
            || reply.Confidence - reply.RunnerUpConfidence >= _options.NearTieMargin)
        {
            return;
        }

        await TryKeepAsync(async () => await RecordAsync(question, answer, FeedbackReaction.NearTie, null, cancellationToken) with
        {
            RunnerUp = FeedbackCitation.From(reply.RunnerUp),
            RunnerUpConfidence = reply.RunnerUpConfidence,
        }, cancellationToken);
    }

    /// <summary>Matches a rating to an answer the conversation remembers and keeps it; every refusal is logged with its reason.</summary>
    public async Task<FeedbackOutcome> RateAsync(IActivity activity, FeedbackSubmission submission, IReadOnlyList<SentAnswer>? answers, CancellationToken cancellationToken = default)
    {
        var channel = activity.ChannelId ?? "unknown";
        if (!Enabled || !submission.IsValid)
        {
            var reason = Enabled ? submission.Error! : "feedback is switched off (Feedback:Enabled)";
            FeedbackLog.Refused(_logger, channel, reason);
            return new FeedbackOutcome(StatusCodes.Status400BadRequest, reason);
        }

        var answer = ConversationAnswers.Find(answers, submission.AnswerRef) ?? await FindSentAsync(activity, submission.AnswerRef!, cancellationToken);
        if (answer is null)
        {
            FeedbackLog.UnknownAnswer(_logger, submission.AnswerRef![..Math.Min(64, submission.AnswerRef!.Length)], channel);
            return new FeedbackOutcome(StatusCodes.Status404NotFound, "no answer with that id in this conversation");
        }

        var kept = await TryKeepAsync(() => RecordAsync(activity, answer, submission.Reaction!, submission.Comment, cancellationToken), cancellationToken);
        return kept ? FeedbackOutcome.Kept : new FeedbackOutcome(StatusCodes.Status503ServiceUnavailable, "the feedback store is unavailable");
    }

    /// <summary>The answer a channel's message id names, if it was sent in this conversation (a store that fails: none).</summary>
    private async Task<SentAnswer?> FindSentAsync(IActivity activity, string messageId, CancellationToken cancellationToken)
    {
        SentAnswer? answer = null;
        await TryAsync(async () =>
        {
            var found = await _store.FindSentAsync(messageId, cancellationToken);
            if (found is not null && found.Conversation == await _hasher.HashAsync(activity.ChannelId ?? "unknown", activity.Conversation?.Id, cancellationToken))
            {
                answer = found;
            }
        });
        return answer;
    }

    /// <summary>Runs a store call whose failure must not fail the turn: logged, and reported as false.</summary>
    private async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FeedbackLog.StoreFailed(_logger, ex);
            return false;
        }
    }

    private async Task<FeedbackRecord> RecordAsync(IActivity activity, SentAnswer answer, string reaction, string? comment, CancellationToken cancellationToken)
    {
        var channel = activity.ChannelId ?? "unknown";
        return new FeedbackRecord
        {
            AnswerId = answer.Id,
            Time = _clock.GetUtcNow(),
            Channel = channel,
            Reaction = reaction,
            Comment = comment,
            Question = answer.Question,
            Intent = answer.Intent,
            Confidence = answer.Confidence,
            Story = answer.Story,
            Citations = answer.Citations.ToList(), // immutable citations, a list of its own
            Version = BotVersion,
            User = await _hasher.HashAsync(channel, activity.From?.AadObjectId ?? activity.From?.Id, cancellationToken),
            Conversation = await _hasher.HashAsync(channel, activity.Conversation?.Id, cancellationToken),
        };
    }

    /// <summary>Builds and keeps a record; a failing store (its salt or its write) is logged and reported, never thrown into the turn.</summary>
    private async Task<bool> TryKeepAsync(Func<Task<FeedbackRecord>> build, CancellationToken cancellationToken)
    {
        FeedbackRecord? record = null;
        if (!await TryAsync(async () =>
            {
                record = await build();
                await _store.AddOrReplaceAsync(record, cancellationToken);
            }))
        {
            return false;
        }

        if (_file is not null)
        {
            try
            {
                await _file.AppendAsync(record!, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                FeedbackLog.FileFailed(_logger, ex, _file.Path); // the store has it; the file is the extra copy
            }
        }

        FeedbackLog.Kept(_logger, record!.Reaction, record.Intent, record.Channel);
        return true;
    }
}
