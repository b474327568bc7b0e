using Microsoft.Bot.Builder;
using StoryBot.Hosting;

namespace StoryBot.Transcripts;

/// <summary>
/// Transcripts:Folder (off by default): every conversation saved as an Emulator-compatible
/// <c>{folder}/{channel}/{conversation}.transcript</c> (a JSON array of activities; the Emulator opens it with
/// File → Open Transcript) by the SDK's <see cref="TranscriptLoggerMiddleware"/> and
/// <see cref="FileTranscriptLogger"/>, with user text withheld unless Turns:LogUserText is true.
/// </summary>
public static class StoryBotTranscripts
{
    public static IServiceCollection AddStoryBotTranscripts(this IServiceCollection services, IConfiguration configuration, string configRoot)
    {
        if (configuration["Transcripts:Folder"] is not { Length: > 0 } folder)
        {
            return services;
        }

        var path = StoryBotPaths.Resolve(configRoot, folder);
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(sp => new TranscriptLoggerMiddleware(
            new PrivateTranscriptLogger(new FileTranscriptLogger(path, unitTestMode: false), sp.GetRequiredService<StoryBotOptions>().LogUserText)));
        return services;
    }
}
