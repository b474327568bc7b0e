using StoryBot.Feedback;
using StoryBot.Storage;
using Xunit;

namespace StoryBot.Tests.Feedback;

/// <summary>
/// The conversation's state keeps the answers to rate without their sentences' text (it is serialised on every turn):
/// the state form must keep where each sentence is, leave the empty members out of the JSON, come back whole from the
/// Redis state store's serialiser, and give the rated record its text again from the story.
/// </summary>
public sealed class SentAnswerTests
{
    private static SentAnswer Comey() => new()
    {
        Id = "0123456789abcdef",
        Question = "who did Trump fire?",
        Intent = "answer",
        Confidence = 0.927,
        Story = "ap-2017-05-trump-lavrov",
        Citations = new List<FeedbackCitation> { new() { Story = "ap-2017-05-trump-lavrov", Paragraph = 8, Sentence = 8, Text = Repo.ComeySentence, Span = "James Comey" } },
    };

    [Fact]
    public void The_state_form_keeps_where_the_sentence_is_and_leaves_empty_members_out_of_its_JSON()
    {
        var kept = Comey().ForState();

        var cited = Assert.Single(kept.Citations);
        Assert.Equal(("ap-2017-05-trump-lavrov", 8, 8, string.Empty, "James Comey"), (cited.Story, cited.Paragraph, cited.Sentence, cited.Text, cited.Span));
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(kept);
        Assert.DoesNotContain("\"Text\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Conversation\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Span\":\"James Comey\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_state_form_comes_back_whole_from_the_state_serialiser_and_rates_with_the_story_sentence()
    {
        var read = Assert.IsType<SentAnswer>(StateSerializer.Deserialize(StateSerializer.Serialize(Comey().ForState())));

        var rated = read.WithSentences((story, sentence) => story == "ap-2017-05-trump-lavrov" && sentence == 8 ? Repo.ComeySentence : null);

        Assert.Null(read.Conversation);
        Assert.Equal(Newtonsoft.Json.JsonConvert.SerializeObject(Comey()), Newtonsoft.Json.JsonConvert.SerializeObject(rated));
        Assert.Equal(string.Empty, read.WithSentences((_, _) => null).Citations[0].Text); // a sentence the story no longer has
    }
}
