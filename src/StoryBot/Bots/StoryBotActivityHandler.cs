using System.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using StoryBot.Feedback;
using StoryBot.Hosting;
using StoryBot.Knowledge;
using StoryBot.Rendering;

namespace StoryBot.Bots;

/// <summary>
/// The bot: welcomes once when a conversation starts (on Teams, when the app is installed), strips a
/// Teams @mention, answers in group chats and channels only when mentioned, asks the knowledge core
/// and renders its reply for the channel. Per-conversation memory lives in <see cref="ConversationState"/>
/// so follow-ups ("tell me more", "where does it say that?", "when did she testify?") work.
/// </summary>
public class StoryBotActivityHandler : ActivityHandler
{
    /// <summary>The name people pick after "@" in Teams: the manifest's <c>name.short</c> (teams/manifest.template.json).</summary>
    public const string TeamsAppName = "StoryBot";

    private readonly StoryKnowledge _knowledge;
    private readonly ReplyRenderer _renderer;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<ConversationData> _data;
    private readonly ILogger<StoryBotActivityHandler> _logger;
    private readonly StoryBotOptions _options;
    private readonly StoryBotMetrics _metrics;
    private readonly FeedbackService _feedback;

    public StoryBotActivityHandler(StoryKnowledge knowledge, ReplyRenderer renderer, ConversationState conversationState, StoryBotOptions options, StoryBotMetrics metrics, FeedbackService feedback, ILogger<StoryBotActivityHandler> logger)
    {
        _feedback = feedback;
        _knowledge = knowledge;
        _renderer = renderer;
        _conversationState = conversationState;
        _data = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>
    /// Runs the turn, then saves the conversation's state if it changed. A message the knowledge core answers changes it
    /// for certain (<see cref="StoryBot.Knowledge.Answering.ConversationMemory.Turns"/> counts every one) and is marked so
    /// before the state is read (<see cref="SnapshotConversationState.MarkChanged"/>): its save skips the change check,
    /// and the state keeps no copy to check against (docs/performance.md); other turns keep the check.
    /// </summary>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        SnapshotConversationState.ClearMark(turnContext);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await _conversationState.SaveChangesAsync(turnContext, force: SnapshotConversationState.IsMarkedChanged(turnContext), cancellationToken);
    }

    /// <summary>The answers the conversation's state keeps, with their cited sentences read back from the story (the state keeps only where they are).</summary>
    private List<SentAnswer>? Rateable(List<SentAnswer>? kept) =>
        kept?.Select(a => a.WithSentences((story, sentence) => _knowledge.Model.Profile(story, sentence)?.Sentence.Text)).ToList();

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ChannelId == Channels.Msteams)
        {
            return; // Teams: the welcome comes with installationUpdate "add", never for members joining.
        }

        if (!membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            return;
        }

        var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.Welcomed)
        {
            return;
        }

        data.Welcomed = true;
        await turnContext.SendActivityAsync(_renderer.RenderWelcome(TargetFor(turnContext.Activity)), cancellationToken);
    }

    /// <summary>
    /// The Teams welcome: Teams sends <c>installationUpdate</c> "add" once per install (personal chat, group
    /// chat or team) and "add-upgrade" when a new app version replaces an installed one. Only "add" welcomes,
    /// and only once per conversation, so a redelivered event does not welcome twice.
    /// </summary>
    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId != Channels.Msteams || !string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase))
        {
            return; // "add-upgrade" is an update of an existing install: no second welcome.
        }

        var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (data.Welcomed)
        {
            return;
        }

        data.Welcomed = true;
        var mentionName = IsGroupConversation(activity) ? TeamsAppName : null;
        await turnContext.SendActivityAsync(_renderer.RenderWelcome(TargetFor(activity), mentionName), cancellationToken);
    }

    /// <summary>Uninstalled from a Teams conversation: forget it, so a later install is welcomed again.</summary>
    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ChannelId == Channels.Msteams && string.Equals(turnContext.Activity.Action, "remove", StringComparison.OrdinalIgnoreCase))
        {
            await _conversationState.DeleteAsync(turnContext, cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId == Channels.Msteams && IsGroupConversation(activity) && !MentionsBot(activity))
        {
            return; // etiquette: in group chats and channels, speak only when spoken to
        }

        var started = Stopwatch.GetTimestamp();
        var text = MessageText.Clean(activity);
        SnapshotConversationState.MarkChanged(turnContext); // Respond below counts the turn in data.Memory
        var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        var reply = _knowledge.Respond(text, data.Memory);
        var target = TargetFor(activity);
        var message = _renderer.Render(reply, target);
        var rated = _feedback.Prepare(reply, text, _knowledge.Stories[0].Id);
        if (rated is not null)
        {
            FeedbackMarkup.Offer(message, target, rated.Id);
        }

        if (rated is not null)
        {
            data.Answers ??= new List<SentAnswer>();
            ConversationAnswers.Remember(data.Answers, rated.ForState()); // Web Chat rates by the answer's own id
            _feedback.RememberWhenSent(turnContext, message, rated); // Teams by the id the connector gives the reply
        }

        await turnContext.SendActivityAsync(message, cancellationToken);
        if (rated is not null)
        {
            await _feedback.KeepNearTieAsync(activity, rated, reply, cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var intent = ReplyEntity.IntentName(reply.Kind);
        _metrics.RecordTurn(activity.ChannelId, intent, elapsed);
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        if (_options.LogUserText)
        {
            TurnLog.TurnWithText(_logger, activity.ChannelId, intent, reply.Confidence, elapsed.TotalMilliseconds, text);
        }
        else
        {
            TurnLog.Turn(_logger, activity.ChannelId, intent, reply.Confidence, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>
    /// Teams' 👍/👎 (and Web Chat's, when a reply carries <c>feedbackLoopEnabled</c>): <c>message/submitAction</c>
    /// answered 200 when the rating is kept, 4xx when it is not a rating of an answer this conversation remembers.
    /// Other invokes go to the SDK (which answers 501, turned into 400 by the adapter).
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != TeamsFeedbackPayload.InvokeName)
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        var submission = TeamsFeedbackPayload.Read(turnContext.Activity, _feedback.MaxCommentLength);
        var outcome = await _feedback.RateAsync(turnContext.Activity, submission, Rateable(data.Answers), cancellationToken);
        return new InvokeResponse { Status = outcome.Status, Body = outcome.Body };
    }

    /// <summary>Web Chat's thumbs: the <c>webchat:activity-status/feedback</c> event. It expects no reply, so a refusal is only logged.</summary>
    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != WebChatFeedbackPayload.EventName)
        {
            await base.OnEventActivityAsync(turnContext, cancellationToken);
            return;
        }

        var data = await _data.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        await _feedback.RateAsync(turnContext.Activity, WebChatFeedbackPayload.Read(turnContext.Activity), Rateable(data.Answers), cancellationToken);
    }

    /// <summary>Teams renders channels without native citations; everything else gets full Markdown.</summary>
    internal static RenderTarget TargetFor(IActivity activity)
    {
        if (activity.ChannelId != Channels.Msteams)
        {
            return RenderTarget.Markdown;
        }

        return string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase) ? RenderTarget.TeamsChannel : RenderTarget.TeamsChat;
    }

    private static bool IsGroupConversation(IActivity activity) =>
        activity.Conversation?.ConversationType is "groupChat" or "channel" || activity.Conversation?.IsGroup == true;

    private static bool MentionsBot(IMessageActivity activity) =>
        activity.GetMentions().Any(m => m.Mentioned?.Id == activity.Recipient?.Id);
}

/// <summary>
/// The per-turn log line, at Debug: the metrics (<see cref="StoryBotMetrics"/>) count turns in production;
/// a line per turn kept a console writer thread busy (~14% of the process CPU under load,
/// docs/performance.md). Source-generated: no params array, no boxing, nothing done when Debug is off.
/// </summary>
internal static partial class TurnLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Turn channel={Channel} intent={Intent} confidence={Confidence:0.000} latencyMs={LatencyMs:0.00}")]
    public static partial void Turn(ILogger logger, string channel, string intent, double confidence, double latencyMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Turn channel={Channel} intent={Intent} confidence={Confidence:0.000} latencyMs={LatencyMs:0.00} text={Text}")]
    public static partial void TurnWithText(ILogger logger, string channel, string intent, double confidence, double latencyMs, string text);
}
