using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using StoryBot.Bots;
using StoryBot.Feedback;
using StoryBot.Hosting;
using StoryBot.Rendering;
using Xunit;

namespace StoryBot.Tests.Bots;

/// <summary>
/// Conversations with the real bot (real knowledge core on the real story, real renderer,
/// ConversationState over MemoryStorage) through the SDK's TestAdapter, read like transcripts.
/// </summary>
public class StoryBotActivityHandlerTests : IClassFixture<RealStoryKnowledge>
{
    private const uint Wait = 100; // replies are queued before Send returns; this only bounds AssertNoReply
    private static readonly ChannelAccount User = new("user-1", "User", RoleTypes.User);
    private static readonly ChannelAccount Bot = new("bot-1", "StoryBot", RoleTypes.Bot);

    private readonly RealStoryKnowledge _story;

    public StoryBotActivityHandlerTests(RealStoryKnowledge story) => _story = story;

    private StoryBotActivityHandler NewBot(IMeterFactory? meters = null, IStorage? storage = null)
    {
        var options = new StoryBotOptions { ConfigRoot = Repo.Root, StoryPath = Repo.Story, IndexPath = _story.IndexPath, ModelPath = Path.Combine(Repo.Root, StoryBot.Knowledge.KnowledgeOptions.DefaultModelPath) };
        var metrics = new StoryBotMetrics(meters ?? new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
        var feedback = new FeedbackService(FeedbackOptions, Ratings, TimeProvider.System, NullLogger<FeedbackService>.Instance);
        return new StoryBotActivityHandler(_story.Knowledge, new ReplyRenderer(_story.Knowledge), new ConversationState(storage ?? new MemoryStorage()), options, metrics, feedback, NullLogger<StoryBotActivityHandler>.Instance);
    }

    private static readonly FeedbackOptions FeedbackOptions = new();

    /// <summary>Where this test class's bots keep ratings.</summary>
    private InMemoryFeedbackStore Ratings { get; } = new(FeedbackOptions, TimeProvider.System);

    [Fact]
    public async Task Each_answered_message_counts_a_turn_by_channel_and_intent_and_a_decline_separately()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var turns = new MetricCollector<long>(meters, StoryBotMetrics.MeterName, "storybot.turns");
        using var declines = new MetricCollector<long>(meters, StoryBotMetrics.MeterName, "storybot.declines");
        using var durations = new MetricCollector<double>(meters, StoryBotMetrics.MeterName, "storybot.turn.duration");

        await new TestFlow(NewAdapter(), NewBot(meters))
            .Send("who did Trump fire?").AssertReply(_ => { })
            .Send("what is the capital of Peru?").AssertReply(_ => { })
            .StartTestAsync();

        Assert.Collection(
            turns.GetMeasurementSnapshot(),
            m => Assert.Equal(("emulator", "answer"), ((string)m.Tags["channel"]!, (string)m.Tags["intent"]!)),
            m => Assert.Equal("noAnswer", m.Tags["intent"]));
        Assert.Equal(1, declines.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(2, durations.GetMeasurementSnapshot().Count);
        Assert.All(durations.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0, 10));
    }

    [Fact]
    public async Task A_Web_Chat_thumbs_down_names_the_answer_in_its_id_and_is_kept_while_a_forged_one_is_ignored()
    {
        var adapter = NewAdapter();
        var bot = NewBot();
        await adapter.SendTextToBotAsync("who did Trump fire?", bot.OnTurnAsync, default);
        var answer = (IMessageActivity)adapter.GetNextReply();
        var actions = (JArray)Entities.Citation(answer)["potentialAction"]!;
        Assert.Equal(new[] { "LikeAction", "DislikeAction" }, actions.Select(a => (string)a["@type"]!));
        var dislike = (JObject)actions[1];

        await adapter.ProcessActivityAsync(WebChatFeedback(dislike), bot.OnTurnAsync, default);
        var forged = (JObject)dislike.DeepClone();
        forged["@id"] = WebChatFeedbackPayload.ActionId("0123456789abcdef", "dislike"); // an answer this conversation never got
        await adapter.ProcessActivityAsync(WebChatFeedback(forged), bot.OnTurnAsync, default);
        var mismatched = (JObject)dislike.DeepClone();
        mismatched["@type"] = "LikeAction"; // the dislike's @id with a like
        await adapter.ProcessActivityAsync(WebChatFeedback(mismatched), bot.OnTurnAsync, default);

        var rating = Assert.Single(await Ratings.ListAsync(), r => r.Reaction != FeedbackReaction.NearTie);
        Assert.Equal(("dislike", "who did Trump fire?", 8), (rating.Reaction, rating.Question, rating.Citations[0].Sentence));
        Assert.Equal((Repo.ComeySentence, "James Comey"), (rating.Citations[0].Text, rating.Citations[0].Span)); // read back from the story
        Assert.Null(adapter.GetNextReply()); // a feedback event gets no reply
    }

    [Fact]
    public async Task The_state_keeps_where_an_answer_to_rate_cites_but_not_the_sentence()
    {
        var storage = new WrittenStorage();
        var adapter = NewAdapter();

        await adapter.SendTextToBotAsync("who did Trump fire?", NewBot(storage: storage).OnTurnAsync, default);

        var state = storage.Written[^1];
        Assert.Contains("\"Sentence\":8", state, StringComparison.Ordinal);
        Assert.Contains("James Comey", state, StringComparison.Ordinal); // the bold span is kept: it is short
        Assert.DoesNotContain("abruptly fired", state, StringComparison.Ordinal); // the sentence is read back from the story when rated
    }

    /// <summary>Memory storage that also keeps the JSON of every write, to see what the conversation's state holds.</summary>
    private sealed class WrittenStorage : IStorage
    {
        private readonly MemoryStorage _inner = new();

        public List<string> Written { get; } = new();

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Written.Add(Newtonsoft.Json.JsonConvert.SerializeObject(changes));
            return _inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
    }

    /// <summary>What Web Chat 4.18 posts after a thumb click: an event, the chosen action as its one entity, no replyToId.</summary>
    private static Activity WebChatFeedback(JObject action) => new()
    {
        Type = ActivityTypes.Event,
        Name = WebChatFeedbackPayload.EventName,
        Entities = new List<Entity> { action.ToObject<Entity>()! },
    };

    private static TestAdapter NewAdapter(string channelId = Channels.Emulator, string conversationType = "personal") =>
        new(new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.example",
            User = User,
            Bot = Bot,
            Conversation = new ConversationAccount(isGroup: conversationType != "personal", conversationType: conversationType, id: "conv-" + Guid.NewGuid().ToString("N")),
        });

    private TestFlow Flow(TestAdapter? adapter = null) => new(adapter ?? NewAdapter(), NewBot());

    private static Activity MembersAdded(params ChannelAccount[] members) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = members.ToList(),
    };

    /// <summary>Every reply to a user: the storybot.reply contract, at most three suggestions.</summary>
    private static JObject Contract(IActivity reply, string intent, bool answered)
    {
        var message = Assert.IsAssignableFrom<IMessageActivity>(reply);
        Assert.Equal(ActivityTypes.Message, message.Type);
        var entity = Entities.Reply(reply);
        Assert.Equal(new[] { "answered", "citations", "confidence", "intent", "related", "type", "version" }, entity.Properties().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("storybot.reply", (string?)entity["type"]);
        Assert.Equal(JTokenType.Integer, entity["version"]!.Type);
        Assert.Equal(1, (int)entity["version"]!);
        Assert.Equal(intent, (string?)entity["intent"]);
        Assert.Equal(answered, (bool)entity["answered"]!);
        var confidence = (double)entity["confidence"]!;
        Assert.InRange(confidence, 0.0, 1.0);
        Assert.Equal(JTokenType.Array, entity["citations"]!.Type);
        Assert.Equal(JTokenType.Array, entity["related"]!.Type);
        foreach (var citation in entity["citations"]!.Concat(entity["related"]!))
        {
            Assert.Equal(new[] { "paragraph", "sentence", "span", "story", "text" }, ((JObject)citation).Properties().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal("ap-2017-05-trump-lavrov", (string?)citation["story"]);
            Assert.InRange((int)citation["paragraph"]!, 1, 21);
            Assert.InRange((int)citation["sentence"]!, 1, 21);
            Assert.False(string.IsNullOrWhiteSpace((string?)citation["text"]));
            Assert.True(citation["span"]!.Type is JTokenType.String or JTokenType.Null);
        }

        if (!answered)
        {
            Assert.Empty(entity["citations"]!);
        }
        else
        {
            Assert.NotEmpty(entity["citations"]!);
        }

        Assert.True((message.SuggestedActions?.Actions?.Count ?? 0) <= 3, $"{message.SuggestedActions?.Actions?.Count} suggested actions");
        return entity;
    }

    private static JObject TopCitation(JObject entity) => (JObject)entity["citations"]![0]!;

    [Fact]
    public async Task ConversationUpdate_WithUserAndBot_WelcomesOnce()
    {
        var adapter = NewAdapter();
        await Flow(adapter)
            .Send(MembersAdded(User, Bot))
            .AssertReply(reply =>
            {
                Assert.StartsWith("Hi, I'm StoryBot.", reply.AsMessageActivity().Text);
                Assert.Contains(Repo.StoryTitle, reply.AsMessageActivity().Text);
                var actions = reply.AsMessageActivity().SuggestedActions.Actions;
                Assert.InRange(actions.Count, 1, 3);
                Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            })
            .AssertNoReply("only one welcome", Wait)
            .Send(MembersAdded(User, Bot))
            .AssertNoReply("no second welcome in the same conversation", Wait)
            .StartTestAsync();
    }

    [Fact]
    public async Task ConversationUpdate_WithOnlyTheBot_SaysNothing()
    {
        await Flow()
            .Send(MembersAdded(Bot))
            .AssertNoReply("the bot joining alone is not a user arriving", Wait)
            .StartTestAsync();
    }

    [Fact]
    public async Task Question_IsAnsweredWithTheComeySentence_CitedAndQuoted()
    {
        await Flow()
            .Send("who did trump fire?")
            .AssertReply(reply =>
            {
                var entity = Contract(reply, "answer", answered: true);
                var top = TopCitation(entity);
                Assert.Equal(Repo.ComeySentence, (string?)top["text"]);
                Assert.Equal(8, (int)top["paragraph"]!);
                Assert.Equal(8, (int)top["sentence"]!);
                Assert.Contains("Comey", (string?)top["span"]);
                Assert.InRange((double)entity["confidence"]!, 0.5, 1.0);

                var text = reply.AsMessageActivity().Text;
                Assert.Contains(" [1]", text);
                Assert.Contains("**", text); // the span in bold: a "who" question asks for a name
                Assert.Contains("Trump on Tuesday abruptly fired FBI Director", text);
                Assert.Contains("paragraph 8 of 21", text);
                Assert.Contains("[1]: cite:1", text);

                var citation = Entities.Citation(reply);
                Assert.Equal("Message", (string?)citation["@type"]);
                Assert.Equal("https://schema.org", (string?)citation["@context"]);
                var claim = (JObject)citation["citation"]!.Single();
                Assert.Equal("Claim", (string?)claim["@type"]);
                Assert.Equal(1, (int)claim["position"]!);
                Assert.Equal(Repo.ComeySentence, (string?)claim["appearance"]!["text"]);
                Assert.True(((string?)claim["appearance"]!["name"])!.Length <= 80);
                Assert.True(((string?)claim["appearance"]!["abstract"])!.Length <= 160);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task QuestionTheStoryDoesNotCover_IsDeclined_WithoutCitations()
    {
        await Flow()
            .Send("What is the population of Brazil?")
            .AssertReply(reply =>
            {
                var entity = Contract(reply, "noAnswer", answered: false);
                Assert.Empty(entity["citations"]!);
                Assert.StartsWith("The story doesn't say", reply.AsMessageActivity().Text);
                Assert.Null(Entities.Citation(reply)["citation"]); // the schema.org Message is there only for 👍/👎: a wrong decline is worth rating
                Assert.NotNull(Entities.Citation(reply)["potentialAction"]);
                Assert.DoesNotContain("[1]", reply.AsMessageActivity().Text);
                Assert.NotEmpty(reply.AsMessageActivity().SuggestedActions.Actions);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TellMeMore_QuotesTheNextSentence()
    {
        await Flow()
            .Send("who did trump fire?")
            .AssertReply(reply => Assert.Equal(8, (int)TopCitation(Contract(reply, "answer", true))["sentence"]!))
            .Send("tell me more")
            .AssertReply(reply =>
            {
                var top = TopCitation(Contract(reply, "more", answered: true));
                Assert.Equal(9, (int)top["sentence"]!);
                Assert.Equal(Repo.FlynnSentence, (string?)top["text"]);
                Assert.StartsWith("The story goes on:", reply.AsMessageActivity().Text);
                Assert.Contains("[1]", reply.AsMessageActivity().Text);
                Assert.True(Entities.Has(reply, Entities.CitationType));
            })
            .Send("tell me more")
            .AssertReply(reply => Assert.Equal(10, (int)TopCitation(Contract(reply, "more", true))["sentence"]!))
            .StartTestAsync();
    }

    [Fact]
    public async Task Source_GivesTheFullCitationOfTheLastAnswer()
    {
        await Flow()
            .Send("who did trump fire?")
            .AssertReply(reply => Contract(reply, "answer", true))
            .Send("source?")
            .AssertReply(reply =>
            {
                var top = TopCitation(Contract(reply, "source", answered: true));
                Assert.Equal(8, (int)top["sentence"]!);
                Assert.Equal(Repo.ComeySentence, (string?)top["text"]);
                var text = reply.AsMessageActivity().Text;
                Assert.StartsWith("That comes from paragraph 8, sentence 8, of *" + Repo.StoryTitle + "* (AP, Washington, May 2017):", text);
                Assert.Contains("[1]", text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Source_AfterTellMeMore_CitesTheSentenceLastQuoted()
    {
        await Flow()
            .Send("who did trump fire?")
            .AssertReply(reply => Contract(reply, "answer", true))
            .Send("tell me more")
            .AssertReply(reply => Contract(reply, "more", true))
            .Send("where does it say that?")
            .AssertReply(reply => Assert.Equal(9, (int)TopCitation(Contract(reply, "source", true))["sentence"]!))
            .StartTestAsync();
    }

    [Fact]
    public async Task Reset_ForgetsTheLastAnswer()
    {
        await Flow()
            .Send("who did trump fire?")
            .AssertReply(reply => Contract(reply, "answer", true))
            .Send("start over")
            .AssertReply(reply =>
            {
                Contract(reply, "reset", answered: false);
                Assert.StartsWith("Okay, let's start over.", reply.AsMessageActivity().Text);
            })
            .Send("source?")
            .AssertReply(reply =>
            {
                Contract(reply, "source", answered: false);
                Assert.StartsWith("I haven't quoted anything yet.", reply.AsMessageActivity().Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Summary_QuotesTheLede()
    {
        await Flow()
            .Send("what is this story about?")
            .AssertReply(reply =>
            {
                var top = TopCitation(Contract(reply, "summary", answered: true));
                Assert.Equal(1, (int)top["sentence"]!);
                Assert.StartsWith("US President Donald Trump was today scheduled to meet", (string?)top["text"]);
                Assert.Contains("[1]", reply.AsMessageActivity().Text);
                Assert.True(Entities.Has(reply, Entities.CitationType));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("hi", "greeting", "Hi, I'm StoryBot.")]
    [InlineData("hello there", "greeting", "Hi, I'm StoryBot.")]
    [InlineData("what can you do?", "help", "Ask me anything about")]
    [InlineData("what can I ask?", "help", "Ask me anything about")]
    [InlineData("who are you?", "about", "I'm StoryBot, a bot, not a person.")]
    [InlineData("are you a bot?", "about", "I'm StoryBot, a bot, not a person.")]
    [InlineData("thanks!", "thanks", "You're welcome!")]
    [InlineData("thank you", "thanks", "You're welcome!")]
    [InlineData("bye", "goodbye", "Bye!")]
    [InlineData("goodbye", "goodbye", "Bye!")]
    [InlineData("start over", "reset", "Okay, let's start over.")]
    [InlineData("ok", "acknowledge", "Okay. What else would you like to know about the story?")]
    [InlineData("lol", "acknowledge", "Okay. What else would you like to know about the story?")]
    [InlineData("gtg", "goodbye", "Bye!")]
    [InlineData("who r u", "about", "I'm StoryBot, a bot, not a person.")]
    public async Task Smalltalk_IsRecognised_AndCitesNothing(string message, string intent, string opening)
    {
        await Flow()
            .Send(message)
            .AssertReply(reply =>
            {
                var entity = Contract(reply, intent, answered: false);
                Assert.Empty(entity["citations"]!);
                Assert.StartsWith(opening, reply.AsMessageActivity().Text);
                Assert.False(Entities.Has(reply, Entities.CitationType));
            })
            .StartTestAsync();
    }

    /// <summary>
    /// After an answer a reaction is acknowledged with an invitation, "tell me more" offered first, in every channel the
    /// host serves; "ok" is not goodbye, and "why?" still follows up.
    /// </summary>
    [Theory]
    [InlineData(Channels.Emulator, "personal")]
    [InlineData(Channels.Webchat, "personal")]
    [InlineData(Channels.Msteams, "personal")]
    public async Task Reaction_AfterAnAnswer_IsAcknowledged_InEveryChannel(string channel, string conversationType)
    {
        await Flow(NewAdapter(channel, conversationType))
            .Send("who did trump fire?")
            .AssertReply(reply => Contract(reply, "answer", true))
            .Send("ok")
            .AssertReply(reply =>
            {
                Assert.Empty(Contract(reply, "acknowledge", answered: false)["citations"]!);
                Assert.Equal("Okay. What else would you like to know about the story?", reply.AsMessageActivity().Text);
                Assert.False(Entities.Has(reply, Entities.CitationType));
                Assert.Equal("Tell me more", reply.AsMessageActivity().SuggestedActions.Actions[0].Title);
            })
            .Send("tell me more")
            .AssertReply(reply => Assert.Equal(9, (int)TopCitation(Contract(reply, "more", true))["sentence"]!))
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_MessageWithAtMention_IsAnsweredAfterStripping()
    {
        await Flow(NewAdapter(Channels.Msteams))
            .Send(TeamsMessage("<at>StoryBot</at> who did Trump fire at the FBI?", "<at>StoryBot</at>"))
            .AssertReply(reply => Assert.Equal(Repo.ComeySentence, (string?)TopCitation(Contract(reply, "answer", true))["text"]))
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_MentionWithNullText_IsStillStripped()
    {
        await Flow(NewAdapter(Channels.Msteams))
            .Send(TeamsMessage("<at>StoryBot</at> thanks!", mentionText: null))
            .AssertReply(reply =>
            {
                Contract(reply, "thanks", answered: false);
                Assert.StartsWith("You're welcome!", reply.AsMessageActivity().Text);
            })
            .Send(TeamsMessage("<at>StoryBot</at> who did Trump fire at the FBI?", mentionText: null))
            .AssertReply(reply => Assert.Equal(Repo.ComeySentence, (string?)TopCitation(Contract(reply, "answer", true))["text"]))
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_MentionMidSentence_InAGroupChat_IsAnswered()
    {
        await Flow(NewAdapter(Channels.Msteams, "groupChat"))
            .Send(TeamsMessage("thanks <at>StoryBot</at>, that was useful", "<at>StoryBot</at>"))
            .AssertReply(reply => Contract(reply, "thanks", answered: false))
            .Send(TeamsMessage("so who did <at>StoryBot</at> say Trump fired at the FBI?", "<at>StoryBot</at>"))
            .AssertReply(reply => Assert.Equal(Repo.ComeySentence, (string?)TopCitation(Contract(reply, "answer", true))["text"]))
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_GroupChatWithoutMention_StaysSilent()
    {
        await Flow(NewAdapter(Channels.Msteams, "groupChat"))
            .Send(TeamsMessage("who did Trump fire at the FBI?", mentionText: null, mention: false))
            .AssertNoReply("in group chats the bot speaks only when mentioned", Wait)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("<at>StoryBot</at> who did Trump fire at the FBI?", "<at>StoryBot</at>", "who did Trump fire at the FBI?")]
    [InlineData("<at>StoryBot</at> who did Trump fire at the FBI?", null, "who did Trump fire at the FBI?")]
    [InlineData("so who did <at>StoryBot</at> say Trump fired?", "<at>StoryBot</at>", "so who did say Trump fired?")]
    [InlineData("who did Trump fire, <at>StoryBot</at>?", null, "who did Trump fire, ?")]
    public void Teams_MentionIsRemovedFromTheQuestion(string text, string? mentionText, string expected)
    {
        var activity = TeamsMessage(text, mentionText);
        activity.ChannelId = Channels.Msteams;
        activity.Recipient = Bot;

        Assert.Equal(expected, MessageText.Clean(activity));
    }

    private static Activity TeamsMessage(string text, string? mentionText, bool mention = true)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormatTypes.Xml, Entities = new List<Entity>() };
        if (mention)
        {
            // As a channel sends it: a JSON entity (GetMentions reads Properties, not a typed Mention).
            var entity = new Entity();
            entity.SetAs(new Mention { Mentioned = Bot, Text = mentionText });
            activity.Entities.Add(entity);
        }

        return activity;
    }
}
