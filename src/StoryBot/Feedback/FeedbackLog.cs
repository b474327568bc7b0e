namespace StoryBot.Feedback;

/// <summary>The feedback loop's log lines: a refused rating is a Warning with the reason, never an exception.</summary>
internal static partial class FeedbackLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Feedback kept: {Reaction} on a reply of intent {Intent} in {Channel}")]
    public static partial void Kept(ILogger logger, string reaction, string intent, string channel);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Feedback refused from {Channel}: {Reason}")]
    public static partial void Refused(ILogger logger, string channel, string reason);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Feedback for an unknown answer {AnswerRef} in {Channel} ignored (forged, or older than the conversation's last answers)")]
    public static partial void UnknownAnswer(ILogger logger, string answerRef, string channel);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error, Message = "Feedback could not be kept in the store")]
    public static partial void StoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Feedback could not be appended to {Path}")]
    public static partial void FileFailed(ILogger logger, Exception exception, string path);
}
