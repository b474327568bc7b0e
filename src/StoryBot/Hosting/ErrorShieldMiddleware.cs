using Microsoft.AspNetCore.Http.Features;
using StoryBot.Storage;

namespace StoryBot.Hosting;

/// <summary>
/// The outermost safety net of the request pipeline: an exception no one else handled becomes a short
/// problem-details reply, never a stack trace (ASP.NET Core's developer exception page would otherwise
/// show one in the Development environment). Kestrel's own request errors (a body over its limit, a
/// broken request) keep their 4xx status; a client that went away is not an error; a lost Redis
/// (<c>Storage:Kind=redis</c>) is a 503 that says so.
/// </summary>
public sealed class ErrorShieldMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ErrorShieldMiddleware> _logger;

    public ErrorShieldMiddleware(RequestDelegate next, ILogger<ErrorShieldMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogDebug("Client went away during {Path}", context.Request.Path);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            _logger.LogInformation("Bad request to {Path}: {Status} {Reason}", context.Request.Path, ex.StatusCode, ex.Message);
            var title = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request";
            await ProblemResponses.WriteAsync(context.Response, ex.StatusCode, title, "The request could not be read.", CancellationToken.None);
        }
        catch (Exception ex) when (RedisFault.IsRedisFailure(ex) && !context.Response.HasStarted)
        {
            // Storage:Kind=redis and Redis is down or slow: a known outage, not a bug; it ends when Redis is back.
            _logger.LogWarning("Conversation storage unavailable during {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, RedisFault.Describe(ex));
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "5";
            await ProblemResponses.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", "Conversation storage is unavailable. Please try again shortly.", CancellationToken.None);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            _logger.LogError(ex, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ProblemResponses.WriteAsync(context.Response, StatusCodes.Status500InternalServerError, "Internal error", "The bot could not handle this request. It has been logged.", CancellationToken.None);
        }
    }
}
