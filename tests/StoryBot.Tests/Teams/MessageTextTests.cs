using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StoryBot.Bots;
using Xunit;

namespace StoryBot.Tests.Teams;

/// <summary>The question the bot reads out of a Teams message: its own @mention removed wherever it stands.</summary>
public sealed class MessageTextTests
{
    private const string BotId = "28:3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    [Theory]
    [InlineData("<at>StoryBot</at> who did Trump fire?", "<at>StoryBot</at>")]
    [InlineData("so <at>StoryBot</at>, who did Trump fire?", "<at>StoryBot</at>")]
    [InlineData("who did Trump fire? <at>StoryBot</at>", "<at>StoryBot</at>")]
    [InlineData("<at>StoryBot</at> who did Trump fire?", null)]             // entity text null
    [InlineData("so <at>StoryBot</at> who did Trump fire?", null)]          // … and in the middle
    [InlineData("<at>StoryBot</at> who did Trump fire?", "<at>@StoryBot</at>")] // entity text not as in the text
    [InlineData("<at>Story Bot (dev)</at> who did Trump fire?", null)]    // tag not named like the bot
    [InlineData("<p><at>StoryBot</at>&nbsp;who did Trump <b>fire</b>?</p>", "<at>StoryBot</at>")]
    public void The_bot_mention_is_stripped(string text, string? mentionText)
    {
        var cleaned = MessageText.Clean(Message(text, Mention(BotId, "StoryBot", mentionText)));

        Assert.DoesNotContain("StoryBot", cleaned);
        Assert.DoesNotContain("Story Bot", cleaned);
        Assert.DoesNotContain("<", cleaned);
        Assert.EndsWith("who did Trump fire?", cleaned);
    }

    [Fact]
    public void Someone_elses_mention_keeps_their_name()
    {
        var activity = Message(
            "<at>StoryBot</at> what did <at>Megan Bowen</at> ask about Lavrov?",
            Mention(BotId, "StoryBot", null),
            Mention("29:1megan", "Megan Bowen", "<at>Megan Bowen</at>"));

        Assert.Equal("what did Megan Bowen ask about Lavrov?", MessageText.Clean(activity));
    }

    [Fact]
    public void A_message_that_is_only_the_mention_is_empty()
    {
        Assert.Equal(string.Empty, MessageText.Clean(Message("<at>StoryBot</at>\n", Mention(BotId, "StoryBot", "<at>StoryBot</at>"))));
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Text = text,
        Recipient = new ChannelAccount(BotId, "StoryBot"),
        Entities = entities.ToList(),
    };

    private static Entity Mention(string id, string name, string? text)
    {
        var json = new JObject { ["type"] = "mention", ["mentioned"] = new JObject { ["id"] = id, ["name"] = name } };
        if (text is not null)
        {
            json["text"] = text;
        }

        return json.ToObject<Entity>()!;
    }
}
