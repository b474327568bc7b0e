namespace StoryBot.Hosting;

/// <summary>
/// Finds the folder of the product's root <c>appsettings.json</c>, against which every relative path in
/// the configuration resolves, so <c>dotnet run</c> from the repo, a published binary and the tests all
/// find the same story and index. <c>STORYBOT_ROOT</c> overrides the search.
/// </summary>
public static class StoryBotPaths
{
    public const string RootVariable = "STORYBOT_ROOT";

    /// <summary>The configuration root: STORYBOT_ROOT, else the nearest folder up from the working directory, else from the binary.</summary>
    public static string FindConfigRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return SearchUp(Directory.GetCurrentDirectory()) ?? SearchUp(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Resolves <paramref name="path"/> against <paramref name="root"/> unless it is absolute.</summary>
    public static string Resolve(string root, string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));

    private static string? SearchUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && (Directory.Exists(Path.Combine(dir.FullName, "stories")) || File.Exists(Path.Combine(dir.FullName, "Bot.sln"))))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
