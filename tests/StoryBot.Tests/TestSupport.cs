using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StoryBot.Knowledge;

namespace StoryBot.Tests;

/// <summary>The repository root (the folder holding Bot.sln) and the real story in it.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Story => Path.Combine(Root, "stories", "ap-2017-05-trump-lavrov.txt");

    public const string ComeySentence = "Trump on Tuesday abruptly fired FBI Director James Comey, dramatically ousting the nation’s top law enforcement official in the midst of the bureau’s investigation into Trump’s ties with Russia.";

    public const string FlynnSentence = "Less than one month into Trump’s presidency, he fired then-US national security adviser Michael Flynn, saying Flynn misled senior administration officials about his pre-inauguration talks with Russian Ambassador to the US Sergey Kislyak.";

    public const string StoryTitle = "Trump to meet Russia's top diplomat as Comey firing shakes Washington";

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

/// <summary>A throw-away folder under the system temp directory, deleted on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("storybot-test-").FullName;

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

/// <summary>The real knowledge core on the real story, with its index in a private temp folder; shared by a test class.</summary>
public sealed class RealStoryKnowledge : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public RealStoryKnowledge()
    {
        IndexPath = System.IO.Path.Combine(_folder.Path, "index");
        Knowledge = StoryKnowledge.Load(new KnowledgeOptions
        {
            StoryPath = Repo.Story,
            IndexPath = IndexPath,
            Title = Repo.StoryTitle,
            Source = "AP, Washington, May 2017",
            ModelPath = System.IO.Path.Combine(Repo.Root, KnowledgeOptions.DefaultModelPath),
        });
    }

    public StoryKnowledge Knowledge { get; }

    public string IndexPath { get; }

    public void Dispose()
    {
        Knowledge.Dispose();
        _folder.Dispose();
    }
}

/// <summary>Reads the entities a reply carries, the way a client would see them on the wire.</summary>
internal static class Entities
{
    public const string CitationType = "https://schema.org/Message";

    /// <summary>The storybot.reply entity serialised whole (its "type" included), or a failure.</summary>
    public static JObject Reply(IActivity activity) => Single(activity, "storybot.reply");

    public static JObject Citation(IActivity activity) => Single(activity, CitationType);

    public static bool Has(IActivity activity, string type) => (activity as IMessageActivity)?.Entities?.Any(e => e.Type == type) == true;

    private static JObject Single(IActivity activity, string type)
    {
        var entities = (activity as IMessageActivity)?.Entities ?? new List<Entity>();
        var matching = entities.Where(e => e.Type == type).ToList();
        if (matching.Count != 1)
        {
            throw new Xunit.Sdk.XunitException($"expected exactly one '{type}' entity, found {matching.Count} on reply: {(activity as IMessageActivity)?.Text}");
        }

        return JObject.FromObject(matching[0]);
    }
}
