using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StoryBot.Adapters;

namespace StoryBot.Hosting;

/// <summary>
/// The host's one in-process turn runner: runs a turn through the real adapter and bot without HTTP and
/// without a channel token, with <c>deliveryMode: expectReplies</c> so the replies (the error handler's
/// included) come back in memory. The built-in Direct Line endpoint, the command line's <c>ask</c> and
/// <c>eval</c> use it; the turn still passes the adapter, middleware, state and rendering exactly as a
/// channel's would.
/// </summary>
public sealed class InProcessTurnClient
{
    private readonly AdapterWithErrorHandler _adapter;
    private readonly IServiceProvider _services;

    public InProcessTurnClient(AdapterWithErrorHandler adapter, IServiceProvider services)
    {
        _adapter = adapter;
        _services = services;
    }

    /// <summary>Sends <paramref name="activity"/> and returns the bot's replies, in the order it sent them.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        activity.ServiceUrl ??= "http://localhost/in-process";
        activity.Recipient ??= new ChannelAccount("storybot", "StoryBot", RoleTypes.Bot);
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        activity.Id ??= Guid.NewGuid().ToString("N");
        using var scope = _services.CreateScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        var response = await _adapter.ProcessInProcessAsync(activity, bot.OnTurnAsync, cancellationToken);
        if (response?.Body is ExpectedReplies expected)
        {
            return expected.Activities.ToList();
        }

        if (response?.Body is JObject json)
        {
            return json.ToObject<ExpectedReplies>()?.Activities?.ToList() ?? new List<Activity>();
        }

        return Array.Empty<Activity>();
    }

    /// <summary>Sends a user message in <paramref name="conversationId"/> and returns the replies.</summary>
    public Task<IReadOnlyList<Activity>> AskAsync(string conversationId, string text, string channelId = "emulator", CancellationToken cancellationToken = default) =>
        SendAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            ChannelId = channelId,
            Conversation = new ConversationAccount(id: conversationId),
            From = new ChannelAccount("user", "User", RoleTypes.User),
        }, cancellationToken);
}
