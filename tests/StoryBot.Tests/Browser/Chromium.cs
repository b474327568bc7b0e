using Xunit.Abstractions;

namespace StoryBot.Tests.Browser;

/// <summary>
/// Debian's Chromium at /usr/bin/chromium, which the browser tests drive through Microsoft.Playwright
/// (Playwright's own browser download cannot work here). When it is missing, <see cref="EnsureInstalled"/>
/// runs .ci/install-browser.sh, so the README's one test command also does this set-up on a fresh machine.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Flags that work headless on this kind of machine (no sandbox, no background network).</summary>
    public static readonly string[] Args =
    {
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    };

    private static readonly object InstallLock = new();

    public static void EnsureInstalled(ITestOutputHelper output)
    {
        lock (InstallLock)
        {
            if (File.Exists(Path))
            {
                return;
            }

            output.WriteLine("installing chromium with .ci/install-browser.sh");
            output.WriteLine(CiInstallScript.Run("install-browser.sh"));
        }

        Xunit.Assert.True(File.Exists(Path), $"{Path} is missing: run .ci/install-browser.sh");
    }
}
