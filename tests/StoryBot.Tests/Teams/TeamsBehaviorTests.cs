using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using StoryBot.Rendering;
using Xunit;

namespace StoryBot.Tests.Teams;

/// <summary>
/// StoryBot in Teams, driven by Teams-shaped payloads (Teams/Payloads/*.json) through the host's own
/// services and the real CloudAdapter: who gets a welcome and when, @mentions, threads, and how replies
/// are rendered per scope (native citations in chats, a plain reference in channels).
/// </summary>
[Collection(TeamsBotCollection.Name)]
public sealed class TeamsBehaviorTests : IDisposable
{
    private const string ComeySentence = "Trump on Tuesday abruptly fired FBI Director";
    private static readonly Regex CitationMarker = new(@"\[\d+\]");

    private readonly StoryKnowledgeFixture _fixture;
    private readonly TeamsBot _bot;

    public TeamsBehaviorTests(StoryKnowledgeFixture fixture)
    {
        _fixture = fixture;
        _bot = new TeamsBot(fixture);
    }

    public void Dispose() => _bot.Dispose();

    // ---- personal chat -------------------------------------------------------------------------

    [Fact]
    public async Task PersonalChat_question_is_answered_with_one_native_citation()
    {
        // Megan, in a 1:1 chat: "who did Trump fire?"
        var replies = await _bot.ReceiveAsync("personal-message");

        var reply = Assert.Single(replies);
        var text = Wire.Text(reply);
        Assert.Contains(ComeySentence, text);
        Assert.Contains("**James Comey**", text);
        Assert.Contains("[1]", text);
        AssertNativeCitation(reply, expectedClaims: 1);
        AssertRepliesInPlace(reply, Payloads.Load("personal-message"));
        Assert.Equal("answer", (string?)Wire.StoryBotReply(reply)?["intent"]);
        AssertAtMostThreeImBacks(reply);
        AssertTeamsMarkdownSubset(text);
    }

    // ---- channel -------------------------------------------------------------------------------

    [Fact]
    public async Task Channel_mention_is_stripped_and_the_reply_goes_into_the_thread_with_a_plain_reference()
    {
        // In a team channel: "<at>StoryBot</at> who did Trump fire?" (with its mention entity)
        var incoming = Payloads.Load("channel-message-mention");
        var replies = await _bot.ReceiveAsync("channel-message-mention");

        var reply = Assert.Single(replies);
        var text = Wire.Text(reply);
        Assert.Contains(ComeySentence, text);
        Assert.DoesNotMatch(CitationMarker, text); // no [1] without a citation entity to back it
        Assert.Empty(Wire.Entities(reply, Wire.SchemaOrgMessage));
        Assert.Contains("— paragraph ", text);
        Assert.Contains(", AP, Washington, May 2017", text);
        Assert.DoesNotContain("*—", text); // the reference is plain text, not italics

        // a reply to the message: same conversation (its ";messageid=" keeps it in the thread), replyToId set
        Assert.Contains(";messageid=1747043550391", (string?)reply["conversation"]?["id"]);
        AssertRepliesInPlace(reply, incoming);
        Assert.Equal("answer", (string?)Wire.StoryBotReply(reply)?["intent"]);
        AssertAtMostThreeImBacks(reply);
        AssertTeamsMarkdownSubset(text);
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("who did Trump fire?")]
    [InlineData("where does it say that?")]
    [InlineData("tell me more")]
    public async Task Channel_replies_never_carry_a_citation_marker(string question)
    {
        await _bot.ReceiveAsync("channel-message-mention"); // something to follow up on
        var replies = await _bot.ReceiveAsync("channel-message-mention", $"<at>StoryBot</at> {question}");

        var reply = Assert.Single(replies);
        Assert.DoesNotMatch(CitationMarker, Wire.Text(reply));
        Assert.Empty(Wire.Entities(reply, Wire.SchemaOrgMessage));
        Assert.True((bool?)Wire.StoryBotReply(reply)?["answered"]);
        Assert.Matches(@"— paragraph \d+ of \d+", Wire.Text(reply));
    }

    // ---- group chat ----------------------------------------------------------------------------

    [Fact]
    public async Task GroupChat_mention_with_null_text_is_stripped_and_answered_with_a_native_citation()
    {
        // The mention entity has no "text"; the message still starts with <at>StoryBot</at>.
        var replies = await _bot.ReceiveAsync("groupchat-mention-null-text");

        var reply = Assert.Single(replies);
        Assert.Contains(ComeySentence, Wire.Text(reply));
        Assert.DoesNotContain("StoryBot", Wire.Text(reply));
        AssertNativeCitation(reply, expectedClaims: 1);
        Assert.Equal("answer", (string?)Wire.StoryBotReply(reply)?["intent"]);
        AssertRepliesInPlace(reply, Payloads.Load("groupchat-mention-null-text"));
    }

    [Fact]
    public async Task GroupChat_message_that_does_not_mention_the_bot_is_ignored()
    {
        Assert.Empty(await _bot.ReceiveAsync("groupchat-no-mention"));
    }

    [Fact]
    public async Task GroupChat_message_that_mentions_someone_else_is_ignored()
    {
        var replies = await _bot.ReceiveAsync("groupchat-mention-null-text", json =>
        {
            json["text"] = "<at>Megan Bowen</at> who did Trump fire?";
            json["entities"]![0]!["mentioned"] = new JObject { ["id"] = "29:1someone-else", ["name"] = "Megan Bowen" };
        });

        Assert.Empty(replies);
    }

    // ---- welcome -------------------------------------------------------------------------------

    [Theory]
    [InlineData("conversationupdate-personal")]
    [InlineData("conversationupdate-bot-added-to-team")]
    [InlineData("conversationupdate-team-members-added")]
    public async Task ConversationUpdate_never_welcomes_in_Teams(string payload)
    {
        Assert.Empty(await _bot.ReceiveAsync(payload));
    }

    [Fact]
    public async Task Personal_install_welcomes_once()
    {
        // Teams sends both events on install; only installationUpdate "add" welcomes.
        var welcome = Assert.Single(await _bot.ReceiveAsync("installationupdate-add-personal"));
        Assert.Empty(await _bot.ReceiveAsync("conversationupdate-personal"));
        Assert.Empty(await _bot.ReceiveAsync("installationupdate-add-personal")); // redelivered: still once

        Assert.StartsWith("Hi, I'm StoryBot.", Wire.Text(welcome));
        Assert.DoesNotContain("mention", Wire.Text(welcome)); // no @mention needed in a 1:1 chat
        Assert.Equal("greeting", (string?)Wire.StoryBotReply(welcome)?["intent"]);
        var actions = AssertAtMostThreeImBacks(welcome);
        Assert.NotEmpty(actions);
        Assert.Empty(Wire.Entities(welcome, Wire.SchemaOrgMessage));
        AssertTeamsMarkdownSubset(Wire.Text(welcome));
    }

    [Theory]
    [InlineData("installationupdate-add-team")]
    [InlineData("installationupdate-add-groupchat")]
    public async Task Team_or_group_chat_install_welcomes_once_and_says_to_mention_the_bot(string payload)
    {
        var welcome = Assert.Single(await _bot.ReceiveAsync(payload));
        Assert.Empty(await _bot.ReceiveAsync("conversationupdate-team-members-added")); // people joining later
        Assert.Empty(await _bot.ReceiveAsync(payload));

        Assert.Contains("mention **@StoryBot**", Wire.Text(welcome));
        Assert.Equal("greeting", (string?)Wire.StoryBotReply(welcome)?["intent"]);
        Assert.InRange(Wire.SuggestedActions(welcome).Count, 1, ReplyRenderer.MaxSuggestions);
        AssertTeamsMarkdownSubset(Wire.Text(welcome));
    }

    [Fact]
    public async Task App_upgrade_sends_no_welcome()
    {
        Assert.Empty(await _bot.ReceiveAsync("installationupdate-add-upgrade-personal"));

        Assert.Single(await _bot.ReceiveAsync("installationupdate-add-personal"));
        Assert.Empty(await _bot.ReceiveAsync("installationupdate-add-upgrade-personal"));
    }

    [Fact]
    public async Task Uninstall_then_install_welcomes_again()
    {
        Assert.Single(await _bot.ReceiveAsync("installationupdate-add-personal"));
        Assert.Empty(await _bot.ReceiveAsync("installationupdate-remove-personal"));
        Assert.Single(await _bot.ReceiveAsync("installationupdate-add-personal"));
    }

    // ---- manifest commands ---------------------------------------------------------------------

    [Theory]
    [InlineData("personal-message", "help", "help")]
    [InlineData("personal-message", "Help", "help")]
    [InlineData("personal-message", "summary", "summary")]
    [InlineData("personal-message", "Summary", "summary")]
    [InlineData("personal-message", "Who did Trump meet?", "answer")]
    [InlineData("channel-message-mention", "<at>StoryBot</at> help", "help")]
    [InlineData("channel-message-mention", "<at>StoryBot</at> summary", "summary")]
    [InlineData("channel-message-mention", "<at>StoryBot</at> Who did Trump meet?", "answer")]
    [InlineData("channel-message-mention", "<at>StoryBot</at>", "help")] // only the mention
    public async Task Manifest_commands_sent_as_plain_messages_work(string payload, string text, string intent)
    {
        // Picking a command sends its title as the message text (after the @mention in a channel).
        var reply = Assert.Single(await _bot.ReceiveAsync(payload, text));

        Assert.Equal(intent, (string?)Wire.StoryBotReply(reply)?["intent"]);
    }

    // ---- citation limits -----------------------------------------------------------------------

    [Fact]
    public async Task A_long_sentence_abstract_is_cut_on_a_word_boundary_with_an_ellipsis()
    {
        // "summary" quotes the lede, one of the story's sentences longer than 160 characters.
        var reply = Assert.Single(await _bot.ReceiveAsync("personal-message", "summary"));

        var sentence = (string)Wire.StoryBotReply(reply)!["citations"]![0]!["text"]!;
        Assert.True(sentence.Length > CitationEntity.MaxAbstract, "the lede should be longer than the abstract limit");
        var claim = Assert.Single(Wire.Claims(AssertNativeCitation(reply, expectedClaims: 1)));
        AssertCutOnWordBoundary(sentence, (string)claim["appearance"]!["abstract"]!, CitationEntity.MaxAbstract);
    }

    [Fact]
    public void Every_sentence_of_the_story_fits_the_Teams_citation_limits()
    {
        var story = _fixture.Knowledge.Stories.Single();
        var citations = story.Sentences
            .Select(s => new StoryBot.Knowledge.Answering.Citation(story.Id, story.Title, story.Source, s.Paragraph, s.Number, s.Text, null))
            .ToList();
        Assert.True(citations.Count(c => c.Text.Length > CitationEntity.MaxAbstract) >= 1);

        var entity = JObject.FromObject(CitationEntity.Create(citations, RenderTarget.TeamsChat, story.ParagraphCount));
        var claims = Wire.Claims(entity);

        Assert.Equal(Math.Min(citations.Count, CitationEntity.MaxClaims), claims.Count);
        foreach (var (claim, i) in claims.Select((c, i) => (c, i)))
        {
            var appearance = (JObject)claim["appearance"]!;
            AssertAppearanceWithinTeamsLimits(appearance);
            AssertCutOnWordBoundary(citations[i].Text, (string)appearance["abstract"]!, CitationEntity.MaxAbstract);
        }
    }

    [Fact]
    public void Keywords_are_kept_to_Teams_limits_even_for_a_long_source()
    {
        var citation = new StoryBot.Knowledge.Answering.Citation("s", "A title", "The Associated Press, Washington bureau, May 2017", 3, 4, "A sentence.", null);
        var entity = JObject.FromObject(CitationEntity.Create(new[] { citation }, RenderTarget.TeamsChat, 21));

        AssertAppearanceWithinTeamsLimits((JObject)Wire.Claims(entity)[0]["appearance"]!);
    }

    // ---- every reply ---------------------------------------------------------------------------

    [Theory]
    [InlineData("personal-message", "who did Trump fire?")]
    [InlineData("personal-message", "hello")]
    [InlineData("personal-message", "thanks")]
    [InlineData("personal-message", "what is the capital of France?")]
    [InlineData("personal-message", "where does it say that?")]
    [InlineData("personal-message", "start over")]
    [InlineData("channel-message-mention", "<at>StoryBot</at> who is Lavrov?")]
    [InlineData("channel-message-mention", "<at>StoryBot</at>")]
    [InlineData("groupchat-mention-null-text", "<at>StoryBot</at> what is the capital of France?")]
    public async Task Every_reply_carries_the_storybot_reply_entity_and_stays_in_the_Teams_Markdown_subset(string payload, string text)
    {
        var replies = await _bot.ReceiveAsync(payload, text);

        var reply = Assert.Single(replies);
        var entity = Wire.StoryBotReply(reply);
        Assert.NotNull(entity);
        Assert.Equal(ReplyEntity.Version, (int?)entity["version"]);
        AssertTeamsMarkdownSubset(Wire.Text(reply));
        AssertAtMostThreeImBacks(reply);
        Assert.True(Wire.Entities(reply, Wire.SchemaOrgMessage).Count <= 1);
        foreach (var citation in Wire.Entities(reply, Wire.SchemaOrgMessage))
        {
            AssertNativeCitation(reply, expectedClaims: Wire.Claims(citation).Count);
        }
    }

    [Fact]
    public async Task Web_Chat_keeps_its_own_Markdown_flavour()
    {
        // The Teams rules must not leak into the Emulator / Web Chat rendering.
        var reply = Assert.Single(await _bot.AskAsync("emulator", "who did Trump fire?"));

        Assert.Contains("[1]: cite:1 ", Wire.Text(reply));
        Assert.Contains("*— paragraph ", Wire.Text(reply));
        var claim = Assert.Single(Wire.Claims(Assert.Single(Wire.Entities(reply, Wire.SchemaOrgMessage))));
        Assert.StartsWith(ComeySentence, (string?)claim["appearance"]?["text"]);
        Assert.Null(claim["appearance"]?["keywords"]);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /// <summary>Exactly one root schema.org Message entity, Claims within Teams' limits, no AI label, markers matching claims.</summary>
    private static JObject AssertNativeCitation(JObject reply, int expectedClaims)
    {
        var root = Assert.Single(Wire.Entities(reply, Wire.SchemaOrgMessage));
        Assert.Equal("Message", (string?)root["@type"]);
        Assert.Equal("https://schema.org", (string?)root["@context"]);
        Assert.Null(root["additionalType"]); // quoted sentences, not AI-generated text
        Assert.DoesNotContain("AIGeneratedContent", reply.ToString());

        var claims = Wire.Claims(root);
        Assert.Equal(expectedClaims, claims.Count);
        Assert.InRange(claims.Count, 1, CitationEntity.MaxClaims);
        for (var i = 0; i < claims.Count; i++)
        {
            Assert.Equal("Claim", (string?)claims[i]["@type"]);
            Assert.Equal(i + 1, (int?)claims[i]["position"]);
            Assert.Contains($"[{i + 1}]", Wire.Text(reply));
            AssertAppearanceWithinTeamsLimits((JObject)claims[i]["appearance"]!);
        }

        var markers = CitationMarker.Matches(Wire.Text(reply)).Select(m => int.Parse(m.Value.Trim('[', ']'))).ToList();
        Assert.All(markers, m => Assert.InRange(m, 1, claims.Count));
        return root;
    }

    private static void AssertAppearanceWithinTeamsLimits(JObject appearance)
    {
        Assert.Equal("DigitalDocument", (string?)appearance["@type"]);
        // Teams rejects appearance.text without an Adaptive Card: it is one, holding the whole sentence (CitationCardTests)
        Assert.Equal(CitationCard.EncodingFormat, (string?)appearance["encodingFormat"]);
        Assert.Equal("AdaptiveCard", (string?)JObject.Parse((string)appearance["text"]!)["type"]);
        var name = (string?)appearance["name"];
        var summary = (string?)appearance["abstract"];
        Assert.False(string.IsNullOrWhiteSpace(name));
        Assert.False(string.IsNullOrWhiteSpace(summary));
        Assert.InRange(name!.Length, 1, CitationEntity.MaxName);
        Assert.InRange(summary!.Length, 1, CitationEntity.MaxAbstract);
        var keywords = appearance["keywords"] as JArray ?? new JArray();
        Assert.InRange(keywords.Count, 0, 3);
        Assert.All(keywords, k => Assert.InRange(((string)k!).Length, 1, CitationEntity.MaxKeyword));
    }

    private static void AssertCutOnWordBoundary(string sentence, string abstractText, int max)
    {
        Assert.InRange(abstractText.Length, 1, max);
        if (sentence.Length <= max)
        {
            Assert.Equal(sentence, abstractText);
            return;
        }

        Assert.EndsWith("…", abstractText);
        var kept = abstractText[..^1];
        Assert.StartsWith(kept, sentence);
        Assert.True(char.IsWhiteSpace(sentence[kept.Length]) || char.IsPunctuation(sentence[kept.Length]),
            $"cut inside a word: \"{kept}|{sentence[kept.Length..]}\"");
        Assert.False(char.IsWhiteSpace(kept[^1]));
    }

    /// <summary>Teams shows only the first three suggested actions, and only imBack is used.</summary>
    private static JArray AssertAtMostThreeImBacks(JObject reply)
    {
        var actions = Wire.SuggestedActions(reply);
        Assert.InRange(actions.Count, 0, ReplyRenderer.MaxSuggestions);
        Assert.All(actions, a =>
        {
            Assert.Equal("imBack", (string?)a["type"]);
            Assert.Equal((string?)a["title"], (string?)a["value"]);
        });
        return actions;
    }

    /// <summary>A reply to the incoming activity: same channel and conversation, replyToId = its id, from the bot.</summary>
    private static void AssertRepliesInPlace(JObject reply, JObject incoming)
    {
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal("msteams", (string?)reply["channelId"]);
        Assert.Equal((string?)incoming["conversation"]!["id"], (string?)reply["conversation"]?["id"]);
        Assert.Equal((string?)incoming["id"], (string?)reply["replyToId"]);
        Assert.Equal((string?)incoming["recipient"]!["id"], (string?)reply["from"]?["id"]);
    }

    /// <summary>Teams text messages render a Markdown subset: no headers, tables or reference-link definitions.</summary>
    private static void AssertTeamsMarkdownSubset(string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(text));
        foreach (var line in text.Split('\n'))
        {
            Assert.DoesNotMatch(@"^\s{0,3}#{1,6}\s", line);                 // ATX header
            Assert.DoesNotMatch(@"^\s*\|.*\|\s*$", line);                   // table row
            Assert.DoesNotMatch(@"^\s*\|?\s*:?-{3,}:?\s*\|", line);          // table rule
            Assert.DoesNotMatch(@"^\s{0,3}\[[^\]]+\]:\s", line);             // reference-link definition ([1]: cite:1 …)
            Assert.DoesNotMatch(@"^\s{0,3}(=+|-{3,})\s*$", line);           // setext header / rule
        }

        Assert.DoesNotContain("cite:", text);
        Assert.DoesNotContain("<at>", text);
    }
}
