using StoryBot.Hosting;

namespace StoryBot.Evaluation;

/// <summary>
/// Builds the bot's real services (the same registration as the web host) outside ASP.NET and runs a
/// question set through them: used by the <c>eval</c> command and by the quality regression tests.
/// </summary>
public static class EvalService
{
    /// <summary>The host's services for <paramref name="configuration"/>, with warnings-only console logging.</summary>
    public static ServiceProvider BuildServices(IConfiguration configuration, string configRoot)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddFilter((_, level) => level >= LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton(configuration);
        services.AddStoryBot(configuration, configRoot);
        return services.BuildServiceProvider();
    }

    /// <summary>Runs <paramref name="set"/> through a fresh set of services and grades it.</summary>
    public static async Task<EvalReport> RunAsync(EvalSet set, IConfiguration configuration, string configRoot, CancellationToken cancellationToken = default)
    {
        await using var services = BuildServices(set.Configure(configuration), configRoot);
        return await new EvalRunner(services.GetRequiredService<InProcessTurnClient>()).RunAsync(set, cancellationToken);
    }
}
