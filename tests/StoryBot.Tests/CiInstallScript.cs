using System.Diagnostics;

namespace StoryBot.Tests;

/// <summary>
/// Runs one of the repository's <c>.ci/install-*.sh</c> scripts (apt-get, as root) and returns what it
/// printed: how tests that need a system package (Chromium, redis-server) set it up on a fresh machine, so
/// the README's one <c>dotnet test</c> command needs no manual step. Bounded at ten minutes.
/// </summary>
internal static class CiInstallScript
{
    public static string Run(string scriptName)
    {
        var script = Path.Combine(Repo.Root, ".ci", scriptName);
        using var install = Process.Start(new ProcessStartInfo("bash", script) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = install.StandardOutput.ReadToEndAsync();
        var stderr = install.StandardError.ReadToEndAsync();
        if (!install.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            install.Kill(entireProcessTree: true);
        }

        return $"{script}: {stdout.Result}{stderr.Result}";
    }
}
