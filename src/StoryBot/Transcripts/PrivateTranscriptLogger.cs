using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace StoryBot.Transcripts;

/// <summary>
/// Wraps the SDK's transcript logger so a transcript obeys the logs' privacy setting: unless
/// Turns:LogUserText is true, what a user wrote (text, speech, value such as a feedback comment,
/// attachments) is replaced before it reaches the file. The bot's own replies are kept as sent. Calls are
/// serialised: <see cref="FileTranscriptLogger"/> keeps unsynchronised state and rewrites files in place.
/// </summary>
public sealed class PrivateTranscriptLogger : ITranscriptLogger
{
    public const string Withheld = "[not logged: Turns:LogUserText is false]";

    private readonly ITranscriptLogger _inner;
    private readonly bool _logUserText;
    private const int MaxBotIds = 64;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _botIds = new(StringComparer.Ordinal); // guarded by _gate

    public PrivateTranscriptLogger(ITranscriptLogger inner, bool logUserText)
    {
        _inner = inner;
        _logUserText = logUserText;
    }

    public async Task LogActivityAsync(IActivity activity)
    {
        await _gate.WaitAsync();
        try
        {
            await _inner.LogActivityAsync(_logUserText || FromBot(activity) ? activity : Redact(activity));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether the bot sent <paramref name="activity"/>. Teams' accounts carry no role, so the role is not enough:
    /// the middleware logs each turn's incoming activity first, and its recipient is the bot, so the bot's own
    /// account is learned from it and its replies are recognised by their sender.
    /// </summary>
    private bool FromBot(IActivity activity)
    {
        var from = activity.From?.Id;
        if (activity.From?.Role == RoleTypes.Bot || (from is not null && _botIds.Contains(from)))
        {
            return true;
        }

        if (activity.Recipient?.Id is { } bot && _botIds.Count < MaxBotIds)
        {
            _botIds.Add(bot); // an incoming activity: its recipient is the bot
        }

        return false;
    }

    private static Activity Redact(IActivity activity)
    {
        var copy = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity))!;
        if (!string.IsNullOrEmpty(copy.Text))
        {
            copy.Text = Withheld;
        }

        if (copy.Value is not null)
        {
            copy.Value = Withheld;
        }

        copy.Speak = null;
        copy.Summary = null;
        copy.Attachments = null;
        return copy;
    }
}
