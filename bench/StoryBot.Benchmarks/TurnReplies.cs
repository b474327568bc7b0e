using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using StoryBot.Evaluation;
using StoryBot.Hosting;

namespace StoryBot.Benchmarks;

/// <summary>
/// Every dev message's whole turn as the host produces it, to diff before/after a change to the host that is only
/// about speed (<c>replies</c> covers the knowledge core only): each reply activity as the SDK's serializer writes it
/// and the conversation's stored state after the turn (JSON with type names), over the same conversations as
/// <see cref="TurnHarness"/>, in three rounds — Emulator (Markdown), a Teams personal chat and a Teams channel with an
/// @mention — so every render target, the kept answers and their state are covered. What is random or the clock's
/// (activity ids, timestamps, feedback answer ids) is numbered in order of appearance.
/// </summary>
public static partial class TurnReplies
{
    private static readonly JsonSerializer Wire = CreateWire();

    private static readonly JsonSerializerSettings StateJson = new() { TypeNameHandling = TypeNameHandling.All };

    public static async Task<int> RunAsync()
    {
        var messages = DevMessages.Load();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(BenchSetup.RepoRoot, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Story:IndexPath"] = BenchSetup.TempFolder("turn-replies-index"),
                ["Answer:Features:Semantic"] = BenchSetup.Semantic ? "true" : "false",
            })
            .Build();
        await using var services = EvalService.BuildServices(configuration, BenchSetup.RepoRoot);
        var client = services.GetRequiredService<InProcessTurnClient>();
        var storage = services.GetRequiredService<IStorage>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var channel in new[] { "emulator", "personal", "channel" })
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var conversation = channel[0] + (i % TurnHarness.Conversations).ToString(CultureInfo.InvariantCulture);
                var activity = Message(channel, conversation, messages[i].Text);
                var replies = await client.SendAsync(activity);
                Console.WriteLine($"## {channel} {conversation} {messages[i].Id}: {messages[i].Text}");
                foreach (var reply in replies)
                {
                    var json = new StringWriter(CultureInfo.InvariantCulture);
                    Wire.Serialize(json, reply);
                    Console.WriteLine(Mask(json.ToString(), names));
                }

                var key = $"{activity.ChannelId}/conversations/{conversation}";
                var stored = await storage.ReadAsync(new[] { key });
                Console.WriteLine("state " + Mask(JsonConvert.SerializeObject(stored.TryGetValue(key, out var s) ? s : null, StateJson), names));
            }
        }

        return 0;
    }

    private static Activity Message(string channel, string conversation, string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            ChannelId = channel == "emulator" ? "emulator" : "msteams",
            Conversation = new ConversationAccount(id: conversation, conversationType: channel == "emulator" ? null : channel),
            From = new ChannelAccount("user", "User", RoleTypes.User),
            Recipient = new ChannelAccount("storybot", "StoryBot", RoleTypes.Bot),
        };
        if (channel == "channel")
        {
            activity.Text = "<at>StoryBot</at> " + text;
            var mention = new Entity();
            mention.SetAs(new Mention { Mentioned = activity.Recipient, Text = "<at>StoryBot</at>" }); // as a channel sends it: JSON properties
            activity.Entities = new List<Entity> { mention };
        }

        return activity;
    }

    /// <summary>Numbers ids (32 or 16 hex digits) in order of appearance and blanks timestamps.</summary>
    private static string Mask(string json, Dictionary<string, string> names)
    {
        json = Timestamp().Replace(json, m => m.Groups[1].Value + "\"T\"");
        return HexId().Replace(json, m =>
        {
            if (!names.TryGetValue(m.Value, out var name))
            {
                name = "id" + names.Count.ToString(CultureInfo.InvariantCulture);
                names[m.Value] = name;
            }

            return name;
        });
    }

    private static JsonSerializer CreateWire()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        return serializer;
    }

    [GeneratedRegex("(\"(?:timestamp|localTimestamp)\":)\"[^\"]*\"")]
    private static partial Regex Timestamp();

    [GeneratedRegex("\\b(?:[0-9a-f]{32}|[0-9a-f]{16})\\b")]
    private static partial Regex HexId();
}
