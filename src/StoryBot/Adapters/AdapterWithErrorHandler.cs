using System.Security.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;
using StoryBot.Hosting;

namespace StoryBot.Adapters;

/// <summary>
/// The samples' CloudAdapter with an error handler: a failed turn is logged, the user gets one short
/// sentence (never a stack trace) and the Emulator a trace. Authentication failures that the SDK lets
/// escape as 500 (a malformed or wrongly signed token) are answered 401 like a missing token.
/// </summary>
public class AdapterWithErrorHandler : CloudAdapter, IBotFrameworkHttpAdapter
{
    private readonly ILogger<AdapterWithErrorHandler> _logger;
    private readonly BotFrameworkAuthentication _auth;
    private readonly string _appId;

    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, IConfiguration configuration, ILogger<AdapterWithErrorHandler> logger, ConversationState conversationState, IEnumerable<Microsoft.Bot.Builder.IMiddleware>? middleware = null)
        : base(auth, logger)
    {
        foreach (var m in middleware ?? Array.Empty<Microsoft.Bot.Builder.IMiddleware>())
        {
            Use(m); // registered Bot Framework middleware, e.g. SerialTurnsMiddleware (one turn at a time per conversation)
        }

        _logger = logger;
        _auth = auth;
        _appId = configuration["MicrosoftAppId"] ?? string.Empty;
        OnTurnError = async (turnContext, exception) =>
        {
            if (IsConnectorFailure(exception))
            {
                // The channel's serviceUrl is down, slow (Connector:TimeoutSeconds) or refused the reply: a
                // "sorry" would fail the same way and hold this conversation's turn lane even longer.
                _logger.LogWarning("Could not deliver a reply to {ServiceUrl} in conversation {Conversation} on {Channel}: {Reason}",
                    turnContext.Activity.ServiceUrl, turnContext.Activity.Conversation?.Id, turnContext.Activity.ChannelId, Describe(exception));
                return;
            }

            _logger.LogError(exception, "Turn failed in conversation {Conversation} on {Channel}", turnContext.Activity.Conversation?.Id, turnContext.Activity.ChannelId);
            try
            {
                await turnContext.SendActivityAsync("Sorry, something went wrong on my side. Please try again.");
                await turnContext.TraceActivityAsync("OnTurnError Trace", exception.Message, "https://www.botframework.com/schemas/error", "TurnError");
                await conversationState.DeleteAsync(turnContext);
            }
            catch (Exception inner)
            {
                _logger.LogError(inner, "Could not tell the user about a failed turn");
            }
        };
    }

    /// <summary>
    /// Runs the turn; maps token failures to 401 with a short problem body. CloudAdapter's method is not
    /// virtual, so this re-implements <see cref="IBotFrameworkHttpAdapter"/>, the interface the endpoint calls.
    /// A POST runs as CloudAdapter runs it (read the activity, <see cref="CloudAdapterBase.ProcessActivityAsync(string, Activity, BotCallbackHandler, CancellationToken)"/>),
    /// except that the response is written by <see cref="InvokeResponseWriter"/> (no indentation); anything else
    /// (the streaming GET) is CloudAdapter's.
    /// </summary>
    public new async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default)
    {
        try
        {
            if (HttpMethods.IsPost(httpRequest.Method))
            {
                await ProcessPostAsync(httpRequest, httpResponse, bot, cancellationToken);
            }
            else
            {
                await base.ProcessAsync(httpRequest, httpResponse, bot, cancellationToken);
            }

            if (httpResponse.StatusCode == StatusCodes.Status400BadRequest && !httpResponse.HasStarted)
            {
                // The SDK could not deserialize the activity (e.g. "entities" not an array, a timestamp that
                // is not a date) and answered a bare 400: give it the same short problem body as validation.
                await ProblemResponses.WriteAsync(httpResponse, StatusCodes.Status400BadRequest, "Invalid activity", "The activity does not match the Bot Framework schema.", cancellationToken);
            }
            else if (httpResponse.StatusCode == StatusCodes.Status501NotImplemented && !httpResponse.HasStarted)
            {
                // ActivityHandler answers an invoke it has no handler for with 501: a client's request the bot
                // does not support, not a server fault, so a 4xx (a 5xx would page whoever watches them).
                await ProblemResponses.WriteAsync(httpResponse, StatusCodes.Status400BadRequest, "Unsupported invoke", "The bot does not handle this invoke activity.", cancellationToken);
            }
            else if (httpResponse.StatusCode == StatusCodes.Status401Unauthorized && !httpResponse.HasStarted)
            {
                // The SDK answers a missing, expired or wrong-audience token with a bare 401: same body as below.
                _logger.LogWarning("Rejected a request to /api/messages: the channel token is missing or not valid");
                await WriteUnauthorizedAsync(httpResponse, cancellationToken);
            }
        }
        catch (Exception ex) when (IsAuthenticationFailure(ex) && !httpResponse.HasStarted)
        {
            _logger.LogWarning("Rejected a request to /api/messages: {Reason}", ex.GetType().Name);
            await WriteUnauthorizedAsync(httpResponse, cancellationToken);
        }
    }

    private async Task ProcessPostAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken)
    {
        var activity = await ActivityReader.ReadAsync(httpRequest); // the SDK's reading, from the bytes validation holds
        if (string.IsNullOrEmpty(activity?.Type))
        {
            httpResponse.StatusCode = StatusCodes.Status400BadRequest; // as CloudAdapter: the problem body is added below
            return;
        }

        try
        {
            var invokeResponse = await ProcessActivityAsync(httpRequest.Headers.Authorization, activity, bot.OnTurnAsync, cancellationToken);
            await InvokeResponseWriter.WriteAsync(httpResponse, invokeResponse, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            httpResponse.StatusCode = StatusCodes.Status401Unauthorized; // as CloudAdapter: the problem body is added below
        }
    }

    private static Task WriteUnauthorizedAsync(HttpResponse response, CancellationToken cancellationToken) =>
        ProblemResponses.WriteAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized", "The request's channel token is missing or invalid.", cancellationToken);

    /// <summary>
    /// Runs a turn that did not come over a channel's HTTP call (the command line, the evaluation, the
    /// local Direct Line endpoint): the activity is trusted as the bot's own, and with
    /// <c>deliveryMode: expectReplies</c> the replies come back in the result instead of being posted
    /// to a serviceUrl, so no channel token is ever needed.
    /// </summary>
    public Task<InvokeResponse> ProcessInProcessAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        var identity = new ClaimsIdentity(
            new[] { new Claim(AuthenticationConstants.AudienceClaim, _appId), new Claim(AuthenticationConstants.AppIdClaim, _appId) },
            "StoryBot.InProcess");
        var request = new AuthenticateRequestResult
        {
            ClaimsIdentity = identity,
            Audience = AuthenticationConstants.ToChannelFromBotOAuthScope,
            ConnectorFactory = _auth.CreateConnectorFactory(identity),
        };
        return ProcessActivityAsync(request, activity, callback, cancellationToken);
    }

    /// <summary>A failure talking to the channel's connector (not a bug in the turn): refused, timed out, or an error status.</summary>
    internal static bool IsConnectorFailure(Exception ex) => ex switch
    {
        HttpRequestException or ErrorResponseException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ when ex.InnerException is not null => IsConnectorFailure(ex.InnerException),
        _ => false,
    };

    private static string Describe(Exception ex) => ex switch
    {
        TaskCanceledException { InnerException: TimeoutException } => "timed out",
        ErrorResponseException e => "HTTP " + (int?)e.Response?.StatusCode,
        HttpRequestException h => h.HttpRequestError + (h.StatusCode is { } code ? " HTTP " + (int)code : string.Empty),
        _ => ex.GetType().Name,
    };

    internal static bool IsAuthenticationFailure(Exception ex) => ex switch
    {
        UnauthorizedAccessException or SecurityTokenException or AuthenticationException => true,
        ArgumentException a when a.Message.StartsWith("IDX", StringComparison.Ordinal) => true,
        _ when ex.InnerException is not null => IsAuthenticationFailure(ex.InnerException),
        _ => false,
    };
}
