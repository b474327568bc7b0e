using System.Reflection;
using System.Security.Cryptography;
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
        if (!Enabled || reply.Kind is ReplyKind.Greeting or ReplyKind.Help or ReplyKind.About or ReplyKind.Thanks or ReplyKind.Goodbye or ReplyKind.Reset)
        {
            return null;
        }

        var citations = reply.Answered ? reply.Citations : Array.Empty<Citation>();
        return new SentAnswer
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Question = question,
            Intent = ReplyEntity.IntentName(reply.Kind),
            Confidence = Math.Round(reply.Confidence, 3),
            Story = citations.FirstOrDefault()?.StoryId ?? reply.Related.FirstOrDefault()?.StoryId ?? defaultStory,
            Citations = citations.Select(FeedbackCitation.From).ToList(),
        };
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

        var answer = ConversationAnswers.Find(answers, submission.AnswerRef);
        if (answer is null)
        {
            FeedbackLog.UnknownAnswer(_logger, submission.AnswerRef![..Math.Min(64, submission.AnswerRef!.Length)], channel);
            return new FeedbackOutcome(StatusCodes.Status404NotFound, "no answer with that id in this conversation");
        }

        var kept = await TryKeepAsync(() => RecordAsync(activity, answer, submission.Reaction!, submission.Comment, cancellationToken), cancellationToken);
        return kept ? FeedbackOutcome.Kept : new FeedbackOutcome(StatusCodes.Status503ServiceUnavailable, "the feedback store is unavailable");
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
            Citations = answer.Citations.Select(c => c.Copy()).ToList(),
            Version = BotVersion,
            User = await _hasher.HashAsync(channel, activity.From?.AadObjectId ?? activity.From?.Id, cancellationToken),
            Conversation = await _hasher.HashAsync(channel, activity.Conversation?.Id, cancellationToken),
        };
    }

    /// <summary>Builds and keeps a record; a failing store (its salt or its write) is logged and reported, never thrown into the turn.</summary>
    private async Task<bool> TryKeepAsync(Func<Task<FeedbackRecord>> build, CancellationToken cancellationToken)
    {
        FeedbackRecord record;
        try
        {
            record = await build();
            await _store.AddOrReplaceAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FeedbackLog.StoreFailed(_logger, ex);
            return false;
        }

        if (_file is not null)
        {
            try
            {
                await _file.AppendAsync(record, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                FeedbackLog.FileFailed(_logger, ex, _file.Path); // the store has it; the file is the extra copy
            }
        }

        FeedbackLog.Kept(_logger, record.Reaction, record.Intent, record.Channel);
        return true;
    }
}
