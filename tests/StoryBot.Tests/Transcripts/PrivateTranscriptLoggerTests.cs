using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StoryBot.Evaluation;
using StoryBot.Hosting;
using StoryBot.Transcripts;
using Xunit;

namespace StoryBot.Tests.Transcripts;

/// <summary>
/// Transcripts:Folder: a conversation through the real pipeline is written by the SDK's middleware and
/// FileTranscriptLogger as <c>{folder}/{channel}/{conversation}.transcript</c>, the JSON array of activities the
/// Emulator opens (File → Open Transcript), with what the user wrote withheld unless Turns:LogUserText is true.
/// </summary>
public sealed class PrivateTranscriptLoggerTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_conversation_is_saved_as_an_Emulator_transcript_without_the_users_words()
    {
        await AskAsync(logUserText: false, "tx-private", "who did Trump fire?", "who is Sally Yates?");

        var activities = ReadTranscript("emulator", "tx-private");

        Assert.Equal(new[] { "user", "bot", "user", "bot" }, activities.Select(a => a.From.Role));
        Assert.All(activities, a => Assert.Equal((ActivityTypes.Message, "tx-private"), (a.Type, a.Conversation.Id)));
        Assert.All(activities, a => Assert.NotNull(a.Timestamp));
        Assert.Equal(PrivateTranscriptLogger.Withheld, activities[0].Text);
        Assert.Contains("fired FBI Director **James Comey**", activities[1].Text);
        Assert.DoesNotContain("who did Trump fire", File.ReadAllText(TranscriptPath("emulator", "tx-private")));
        Assert.Equal("storybot.reply", activities[1].Entities.Last().Type); // replies keep their entities for debugging
    }

    [Fact]
    public async Task With_Turns_LogUserText_the_users_words_are_kept_too()
    {
        await AskAsync(logUserText: true, "tx-open", "who did Trump fire?");

        var activities = ReadTranscript("emulator", "tx-open");

        Assert.Equal("who did Trump fire?", activities[0].Text);
        Assert.Contains("James Comey", activities[1].Text);
    }

    [Fact]
    public async Task A_Teams_conversation_whose_accounts_carry_no_role_keeps_the_bots_replies_and_withholds_the_users()
    {
        await using var services = EvalService.BuildServices(Configuration(_folder.Path, logUserText: false), Repo.Root);
        var teams = StoryBot.Tests.Teams.Payloads.Load("personal-message").ToObject<Activity>()!;
        teams.Conversation.Id = "a:tx-teams";
        teams.ServiceUrl = null;
        await services.GetRequiredService<InProcessTurnClient>().SendAsync(teams);

        var activities = ReadTranscript("msteams", "a:tx-teams");

        Assert.Equal(PrivateTranscriptLogger.Withheld, activities[0].Text);
        Assert.Contains("James Comey", activities[1].Text);
    }

    [Fact]
    public async Task The_SDKs_own_reader_reads_the_file_back()
    {
        await AskAsync(logUserText: false, "tx-sdk", "summary");

        var page = await new FileTranscriptLogger(_folder.Path, unitTestMode: false).GetTranscriptActivitiesAsync("emulator", "tx-sdk");

        Assert.Equal(2, page.Items.Length);
        Assert.StartsWith("In short, here is how the story begins:", page.Items[1].AsMessageActivity().Text);
    }

    [Fact]
    public void Without_a_folder_no_transcript_middleware_is_registered()
    {
        using var services = EvalService.BuildServices(Configuration(folder: null, logUserText: false), Repo.Root);

        Assert.DoesNotContain(services.GetServices<Microsoft.Bot.Builder.IMiddleware>(), m => m is TranscriptLoggerMiddleware);
    }

    private async Task AskAsync(bool logUserText, string conversation, params string[] messages)
    {
        await using var services = EvalService.BuildServices(Configuration(_folder.Path, logUserText), Repo.Root);
        var client = services.GetRequiredService<InProcessTurnClient>();
        foreach (var message in messages)
        {
            await client.AskAsync(conversation, message);
        }
    }

    private IConfiguration Configuration(string? folder, bool logUserText) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Story:Path"] = Repo.Story,
        ["Story:IndexPath"] = Path.Combine(_folder.Path, "index"),
        ["Answer:Features:Semantic"] = "false",
        ["Transcripts:Folder"] = folder,
        ["Turns:LogUserText"] = logUserText ? "true" : "false",
    }).Build();

    private string TranscriptPath(string channel, string conversation) => Path.Combine(_folder.Path, channel, conversation + ".transcript");

    /// <summary>The Emulator's transcript format: one JSON array of Bot Framework activities.</summary>
    private List<Activity> ReadTranscript(string channel, string conversation)
    {
        var json = JToken.Parse(File.ReadAllText(TranscriptPath(channel, conversation)));
        return Assert.IsType<JArray>(json).ToObject<List<Activity>>(JsonSerializer.Create(new JsonSerializerSettings()))!;
    }
}
