using StackExchange.Redis;

namespace StoryBot.Storage;

/// <summary>
/// Redis failures told in a few words: StackExchange.Redis messages run to a screen of diagnostics, which
/// belong in a debugger, not in a start-up error or a log line written on every failed turn.
/// </summary>
public static class RedisFault
{
    /// <summary>True for a failure of the Redis server or the connection to it (not a bug in the caller).</summary>
    public static bool IsRedisFailure(Exception ex) => ex switch
    {
        RedisException or TimeoutException => true,
        _ when ex.InnerException is not null => IsRedisFailure(ex.InnerException),
        _ => false,
    };

    /// <summary>A few words on what went wrong, e.g. "connection refused or lost (UnableToConnect)".</summary>
    public static string Describe(Exception ex) => ex switch
    {
        RedisConnectionException c => $"connection refused or lost ({c.FailureType})",
        RedisTimeoutException or TimeoutException => "no answer in time",
        RedisServerException s => "the server refused the command (" + s.Message.Split(' ', 2)[0] + ")",
        _ when ex.InnerException is not null => Describe(ex.InnerException),
        _ => ex.GetType().Name,
    };
}
