namespace StoryBot.Knowledge.Tests;

/// <summary>Finds the repository (the folder holding Bot.sln) from the test binaries, and the real story in it.</summary>
internal static class TestFiles
{
    public static string Root { get; } = FindRoot();

    public static string RealStory => Path.Combine(Root, "stories", "ap-2017-05-trump-lavrov.txt");

    /// <summary>The committed answer model (weights, calibration, thresholds) the bot runs with.</summary>
    public static string Model => Path.Combine(Root, KnowledgeOptions.DefaultModelPath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Bot.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A throw-away folder under the system temp directory, deleted on dispose; every index test gets its own.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "storybot-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
