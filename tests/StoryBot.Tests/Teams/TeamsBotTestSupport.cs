using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StoryBot.Hosting;
using StoryBot.Knowledge;
using Xunit;

namespace StoryBot.Tests.Teams;

/// <summary>
/// The real knowledge core over the real story (stories/ap-2017-05-trump-lavrov.txt, settings from the repo's
/// appsettings.json), with its Lucene index built in a temporary folder so the tests never touch the repo's
/// index/. Loaded once and shared by the Teams behaviour tests.
/// </summary>
public sealed class StoryKnowledgeFixture : IDisposable
{
    private readonly TempDir _index = new();

    public StoryKnowledgeFixture()
    {
        Configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Root, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Story:Path"] = Path.Combine(Root, "stories", "ap-2017-05-trump-lavrov.txt"),
                ["Story:IndexPath"] = _index.Path,
                ["MicrosoftAppId"] = string.Empty, // no channel auth: replies come back in the response (expectReplies)
                ["MicrosoftAppPassword"] = string.Empty,
            })
            .Build();
        Knowledge = StoryKnowledge.Load(StoryBotOptions.From(Configuration, Root).ToKnowledgeOptions());
    }

    /// <summary>The repository root: the folder holding Bot.sln.</summary>
    public static string Root => Repo.Root;

    public IConfiguration Configuration { get; }

    public StoryKnowledge Knowledge { get; }

    public string IndexPath => _index.Path;

    public void Dispose()
    {
        Knowledge.Dispose();
        _index.Dispose();
    }

}

[CollectionDefinition(Name)]
public sealed class TeamsBotCollection : ICollectionFixture<StoryKnowledgeFixture>
{
    public const string Name = "Teams bot";
}

/// <summary>
/// One bot as the host builds it (<see cref="StoryBotServices.AddStoryBot"/>: adapter, state, handler,
/// renderer), with fresh conversation state, fed Teams payloads through the real CloudAdapter with
/// <c>deliveryMode: expectReplies</c>. Replies are returned as they would go over the wire (JSON).
/// </summary>
internal sealed class TeamsBot : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly InProcessTurnClient _client;

    public TeamsBot(StoryKnowledgeFixture fixture)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(fixture.Configuration);
        services.AddStoryBot(fixture.Configuration, StoryKnowledgeFixture.Root);
        services.AddSingleton(fixture.Knowledge); // share the loaded story and index (the last registration wins)
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<InProcessTurnClient>();
    }

    /// <summary>Sends a payload from Teams/Payloads (optionally changed first) and returns the bot's replies as JSON.</summary>
    public async Task<IReadOnlyList<JObject>> ReceiveAsync(string payload, Action<JObject>? change = null)
    {
        var json = Payloads.Load(payload);
        change?.Invoke(json);
        var activity = json.ToObject<Activity>(JsonSerializer.Create(new JsonSerializerSettings()))!;
        var replies = await _client.SendAsync(activity);
        return replies.Select(Wire.ToJson).ToList();
    }

    /// <summary>Sends a payload whose message text is <paramref name="text"/>.</summary>
    public Task<IReadOnlyList<JObject>> ReceiveAsync(string payload, string text) =>
        ReceiveAsync(payload, json => json["text"] = text);

    /// <summary>A plain message on another channel (e.g. "emulator"), to compare with the Teams flavour.</summary>
    public async Task<IReadOnlyList<JObject>> AskAsync(string channelId, string text) =>
        (await _client.AskAsync("compare-" + channelId, text, channelId)).Select(Wire.ToJson).ToList();

    public void Dispose() => _services.Dispose();
}

internal static class Payloads
{
    public static JObject Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Teams", "Payloads", name + ".json");
        return JObject.Parse(File.ReadAllText(path));
    }
}

/// <summary>What a reply looks like on the wire, and the parts of it the Teams rules are about.</summary>
internal static class Wire
{
    public const string SchemaOrgMessage = "https://schema.org/Message";

    public static JObject ToJson(Activity activity) =>
        JObject.Parse(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    public static string Text(JObject reply) => (string?)reply["text"] ?? string.Empty;

    public static IReadOnlyList<JObject> Entities(JObject reply, string type) =>
        (reply["entities"] as JArray ?? new JArray()).OfType<JObject>().Where(e => (string?)e["type"] == type).ToList();

    public static JObject? StoryBotReply(JObject reply) => Entities(reply, "storybot.reply").SingleOrDefault();

    public static JArray SuggestedActions(JObject reply) => reply["suggestedActions"]?["actions"] as JArray ?? new JArray();

    public static IReadOnlyList<JObject> Claims(JObject citationEntity) =>
        (citationEntity["citation"] as JArray ?? new JArray()).OfType<JObject>().ToList();
}
