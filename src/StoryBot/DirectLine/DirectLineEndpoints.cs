using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using StoryBot.Hosting;
using StoryBot.Storage;

namespace StoryBot.DirectLine;

/// <summary>
/// The HTTP side of the built-in Direct Line 3.0 endpoint: the subset the Web Chat widget uses
/// (start a conversation, post an activity, poll with a watermark, refresh the token), plus the
/// page's token endpoint. Status codes follow the service: 401 without a token, 403 for a wrong,
/// expired or foreign token, 404 for a conversation that is gone (the widget then ends the connection).
/// Turns run through the host's one in-process runner (<see cref="InProcessTurnClient"/>), in the order
/// the host's one per-conversation gate (<see cref="ConversationTurnGate"/>) gives them: it is held around
/// appending the user's activity, the turn and appending its replies, so the stream stays in turn order.
/// </summary>
internal static class DirectLineEndpoints
{
    /// <summary>Where the built-in endpoint lives (the widget's <c>domain</c>).</summary>
    public const string Prefix = "/v3/directline";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/directline/token", IssuePageTokenAsync);
        var api = endpoints.MapGroup(Prefix);
        api.MapPost("/conversations", StartConversationAsync);
        api.MapGet("/conversations/{conversationId}", ReconnectConversationAsync);
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        api.MapPost("/tokens/refresh", RefreshTokenAsync);
    }

    /// <summary><c>POST /api/directline/token</c>: everything the page needs to connect the widget.</summary>
    private static async Task<IResult> IssuePageTokenAsync(
        HttpContext http,
        IDirectLineStore store,
        IOptionsMonitor<DirectLineOptions> optionsMonitor,
        DirectLineAzureTokenClient azure,
        TimeProvider clock,
        ILogger<DirectLineConversationStore> logger)
    {
        var options = optionsMonitor.CurrentValue;
        http.Response.Headers.CacheControl = "no-store";
        if (options.UsesAzure)
        {
            var userId = "dl_" + DirectLineConversationStore.NewId(12);
            try
            {
                var generated = await azure.GenerateAsync(userId, http.RequestAborted);
                return Results.Json(new
                {
                    mode = "azure",
                    token = generated.Token,
                    conversationId = generated.ConversationId,
                    userId,
                    expires_in = generated.ExpiresIn ?? 3600,
                    domain = string.IsNullOrWhiteSpace(options.Domain) ? null : options.Domain,
                    pollingIntervalMs = options.PollingIntervalMs,
                });
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                logger.LogError(ex, "Exchanging the Direct Line secret for a token failed");
                return Error(StatusCodes.Status502BadGateway, "ServiceError", "The chat service could not be reached. Please try again later.");
            }
        }

        var (conversation, token) = await store.CreateAsync(http.RequestAborted);
        return Results.Json(new
        {
            mode = "local",
            token = token.Value,
            conversationId = conversation.Id,
            userId = conversation.UserId,
            expires_in = ExpiresIn(token, clock),
            domain = http.Request.PathBase + Prefix,
            pollingIntervalMs = options.PollingIntervalMs,
        });
    }

    /// <summary><c>POST /conversations</c>: starts the token's conversation (the bot's welcome turn runs
    /// once), or returns it again if it has started already.</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpContext http,
        IDirectLineStore store,
        InProcessTurnClient runner,
        ConversationTurnGate gate,
        IOptionsMonitor<DirectLineOptions> options,
        TimeProvider clock,
        ILogger<DirectLineConversation> logger)
    {
        var (denied, conversation, token) = await AuthorizeAsync(http, store, null);
        if (denied is not null)
        {
            return denied;
        }

        var startedNow = false;
        using var timeout = new CancellationTokenSource(options.CurrentValue.TurnTimeout);
        try
        {
            var ran = await gate.TryRunAsync(
                ConversationTurnGate.KeyFor(DirectLineConversation.ChannelId, conversation.Id),
                async ct => startedNow = await EnsureStartedAsync(http, conversation, store, runner, options.CurrentValue, clock, logger, ct),
                timeout.Token);
            if (!ran)
            {
                return Busy();
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Busy(); // the conversation's previous turn outlasted the turn timeout
        }

        return Results.Json(
            new { conversationId = conversation.Id, token = token.Value, expires_in = ExpiresIn(token, clock) },
            statusCode: startedNow ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary><c>GET /conversations/{id}</c>: what the widget calls when it resumes a conversation.</summary>
    private static async Task<IResult> ReconnectConversationAsync(string conversationId, HttpContext http, IDirectLineStore store, TimeProvider clock)
    {
        var (denied, conversation, token) = await AuthorizeAsync(http, store, conversationId);
        if (denied is not null)
        {
            return denied;
        }

        return Results.Json(new { conversationId = conversation.Id, token = token.Value, expires_in = ExpiresIn(token, clock) });
    }

    /// <summary><c>GET /conversations/{id}/activities?watermark=N</c>: the activities after N.</summary>
    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext http, IDirectLineStore store)
    {
        var (denied, conversation, _) = await AuthorizeAsync(http, store, conversationId);
        if (denied is not null)
        {
            return denied;
        }

        long? after = null;
        if (!string.IsNullOrEmpty(watermark))
        {
            if (!long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not valid.");
            }

            after = parsed;
        }

        var (activities, last) = await store.ReadAsync(conversation.Id, after, http.RequestAborted);
        var body = new StringBuilder("{\"activities\":[");
        body.AppendJoin(',', activities);
        body.Append("],\"watermark\":\"").Append(last.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\"}");
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(body.ToString(), "application/json; charset=utf-8");
    }

    /// <summary><c>POST /conversations/{id}/activities</c>: echoes the user's activity into the stream
    /// and runs the bot's turn on it; the replies are in the stream when this returns.</summary>
    private static async Task<IResult> PostActivityAsync(
        string conversationId,
        HttpContext http,
        IDirectLineStore store,
        InProcessTurnClient runner,
        ConversationTurnGate gate,
        IOptionsMonitor<DirectLineOptions> optionsMonitor,
        TimeProvider clock,
        ILogger<DirectLineConversation> logger)
    {
        var (denied, conversation, _) = await AuthorizeAsync(http, store, conversationId);
        if (denied is not null)
        {
            return denied;
        }

        var options = optionsMonitor.CurrentValue;
        var body = await BoundedBodyReader.ReadAsync(http.Request, options.MaxActivityBytes, http.RequestAborted);
        if (body is not { } bytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.");
        }

        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(Encoding.UTF8.GetString(bytes), DirectLineJson.Settings);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity with a type.");
        }

        if (activity.Type == ActivityTypes.Typing)
        {
            // Accepted and dropped: the bot does nothing with typing, and echoing it adds noise.
            return Results.Json(new { id = $"{conversation.Id}|typing" });
        }

        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", $"Activities of type '{activity.Type}' are not accepted.");
        }

        activity.ChannelId = DirectLineConversation.ChannelId;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.From = UserAccount(conversation, activity.From?.Name);
        activity.Recipient = BotAccount(options);
        activity.ServiceUrl = ServiceUrl(http);
        activity.ReplyToId = null;
        activity.DeliveryMode = null;

        using var timeout = new CancellationTokenSource(options.TurnTimeout);
        string? id = null;
        try
        {
            var ran = await gate.TryRunAsync(
                ConversationTurnGate.KeyFor(DirectLineConversation.ChannelId, conversation.Id),
                async ct =>
                {
                    await EnsureStartedAsync(http, conversation, store, runner, options, clock, logger, ct);
                    id = await store.AppendAsync(conversation.Id, activity, ct);
                    var replies = await runner.SendAsync(activity, ct);
                    await AppendRepliesAsync(store, conversation, replies, options, id, ct);
                },
                timeout.Token);
            return ran ? Results.Json(new { id }) : Busy();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && id is null)
        {
            return Busy(); // still waiting for the conversation's previous turn when the turn timeout ran out
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || timeout.IsCancellationRequested) && !RedisFault.IsRedisFailure(ex))
        {
            logger.LogError(ex, "A Direct Line turn failed");
            return Error(StatusCodes.Status502BadGateway, "BotError", "The bot failed to answer.");
        }
    }

    /// <summary><c>POST /tokens/refresh</c>: a new token for the same conversation.</summary>
    private static async Task<IResult> RefreshTokenAsync(HttpContext http, IDirectLineStore store, TimeProvider clock)
    {
        var (denied, conversation, _) = await AuthorizeAsync(http, store, null);
        if (denied is not null)
        {
            return denied;
        }

        var fresh = await store.IssueTokenAsync(conversation, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { conversationId = conversation.Id, token = fresh.Value, expires_in = ExpiresIn(fresh, clock) });
    }

    private static async Task<bool> EnsureStartedAsync(
        HttpContext http,
        DirectLineConversationRef conversation,
        IDirectLineStore store,
        InProcessTurnClient runner,
        DirectLineOptions options,
        TimeProvider clock,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        // The widget never sends conversationUpdate: the channel does, once, like Azure's Direct Line.
        if (!await store.TryStartAsync(conversation.Id, cancellationToken))
        {
            return false;
        }

        var user = UserAccount(conversation, null);
        var bot = BotAccount(options);
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = $"{conversation.Id}|start",
            ChannelId = DirectLineConversation.ChannelId,
            Conversation = new ConversationAccount(id: conversation.Id),
            From = user,
            Recipient = bot,
            MembersAdded = new List<ChannelAccount> { user, bot },
            ServiceUrl = ServiceUrl(http),
            Timestamp = clock.GetUtcNow(),
        };
        try
        {
            var replies = await runner.SendAsync(update, cancellationToken);
            await AppendRepliesAsync(store, conversation, replies, options, replyToId: null, cancellationToken);
        }
        catch (Exception ex) when (!RedisFault.IsRedisFailure(ex))
        {
            logger.LogError(ex, "The welcome turn of a Direct Line conversation failed");
        }

        return true;
    }

    private static async Task AppendRepliesAsync(IDirectLineStore store, DirectLineConversationRef conversation, IReadOnlyList<Activity> replies, DirectLineOptions options, string? replyToId, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            if (reply.Type == ActivityTypes.Trace)
            {
                continue; // the error handler's trace is for the Emulator, not the widget
            }

            reply.ChannelId = DirectLineConversation.ChannelId;
            reply.Conversation = new ConversationAccount(id: conversation.Id);
            reply.From = new ChannelAccount(options.BotId, reply.From?.Name ?? options.BotName, RoleTypes.Bot);
            reply.Recipient = UserAccount(conversation, null);
            reply.ServiceUrl = null;
            reply.DeliveryMode = null;

            // Only point at activities the client has in its stream (the welcome answers a
            // conversationUpdate the client never sees).
            reply.ReplyToId = replyToId;
            await store.AppendAsync(conversation.Id, reply, cancellationToken);
        }
    }

    private static async Task<(IResult? Denied, DirectLineConversationRef Conversation, DirectLineToken Token)> AuthorizeAsync(
        HttpContext http,
        IDirectLineStore store,
        string? conversationId)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return (Error(StatusCodes.Status401Unauthorized, "TokenMissing", "A Direct Line token is required."), null!, null!);
        }

        var found = await store.ValidateTokenAsync(header["Bearer ".Length..].Trim(), http.RequestAborted);
        if (found is null)
        {
            return (Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The token is not valid or has expired."), null!, null!);
        }

        if (conversationId is not null && !string.Equals(conversationId, found.ConversationId, StringComparison.Ordinal))
        {
            // Only a conversation that exists is "foreign"; one that is gone is 404 either way.
            var exists = await store.TouchAsync(conversationId, http.RequestAborted) is not null;
            return exists
                ? (Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The token is not valid for this conversation."), null!, null!)
                : (Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found."), null!, null!);
        }

        var target = await store.TouchAsync(found.ConversationId, http.RequestAborted);
        return target is null
            ? (Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found."), null!, null!)
            : (null, target, found);
    }

    private static ChannelAccount UserAccount(DirectLineConversationRef conversation, string? name) =>
        new(conversation.UserId, string.IsNullOrWhiteSpace(name) ? "You" : name, RoleTypes.User);

    private static ChannelAccount BotAccount(DirectLineOptions options) =>
        new(options.BotId, options.BotName, RoleTypes.Bot);

    // Never called back: turns run with expectReplies. It must still be a valid absolute URL.
    private static string ServiceUrl(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}/";

    private static int ExpiresIn(DirectLineToken token, TimeProvider clock) =>
        (int)Math.Max(0, (token.ExpiresAt - clock.GetUtcNow()).TotalSeconds);

    private static IResult Busy() =>
        Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "The conversation is busy; try again.");

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
