using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Ingest;
using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Analysis;

/// <summary>
/// The per-sentence cues are worked out once instead of at every candidate of every question, so each must be exactly
/// what its pattern says about the sentence at the point where answering used to run it; and the real story must
/// exercise every cue, or the comparison proves nothing.
/// </summary>
public sealed class SentenceCuesTests
{
    private static readonly StoryModel Model = new(StoryLibrary.Load(TestFiles.RealStory), StoryAnalyzer.ForIndex());

    [Fact]
    public void EveryCue_IsWhatItsPatternSaysOfTheSentence()
    {
        foreach (var profile in Model.Profiles)
        {
            var text = profile.Sentence.Text;
            var cues = profile.Cues;
            Assert.Equal(WordLists.SpeechVerb.IsMatch(text) || AnswerTagger.Quotes(text).Any(q => q.Length >= SentenceCues.SpeechQuotationLength), cues.ReportsSpeech);
            Assert.Equal(WordLists.ReasonMarker.IsMatch(text), cues.GivesReason);
            Assert.Equal(AnswerSelector.LocationPhrase().IsMatch(text), cues.DescribesLocation);
            Assert.Equal(profile.Tokens.Select(t => WordLists.SpeechVerb.IsMatch(t.Text)), cues.SpeechVerbAt);
            Assert.Equal(profile.Mentions.Select(m => AnswerSelector.LocativeBefore().IsMatch(text[..m.Start])), cues.PlaceAfterLocative);
            Assert.Equal(profile.Mentions.Count, cues.PlaceInTitle.Count);
        }
    }

    [Fact]
    public void TheStory_ExercisesEveryCue()
    {
        var cues = Model.Profiles.Select(p => p.Cues).ToList();

        Assert.Contains(cues, c => c.ReportsSpeech);
        Assert.Contains(cues, c => !c.ReportsSpeech);
        Assert.Contains(cues, c => c.GivesReason);
        Assert.Contains(cues, c => c.SpeechVerbAt.Contains(true));
        Assert.Contains(cues, c => c.PlaceAfterLocative.Contains(true));
    }

    [Fact]
    public void APlaceAfterIn_FollowsALocative_AndAnAccusedCountryDoesNot()
    {
        var visit = Model.Profiles.Single(p => p.Sentence.Text.StartsWith("After Tillerson visited Putin and Lavrov in Moscow", StringComparison.Ordinal));
        var accuse = Model.Profiles.Single(p => p.Sentence.Text.StartsWith("US intelligence agencies accuse Moscow", StringComparison.Ordinal));

        Assert.True(visit.Cues.PlaceAfterLocative[IndexOfMention(visit, "Moscow")]);
        Assert.False(accuse.Cues.PlaceAfterLocative[IndexOfMention(accuse, "Moscow")]);
    }

    /// <summary>
    /// A question word shortly after a negation or a word of not knowing opens a clause the sentence leaves open, to the
    /// clause's end; a plain "whether" ("owners can check whether …") leaves nothing open.
    /// </summary>
    [Theory]
    [InlineData("Brandt said the state would pay, but he did not say whether the hiring deadline would be extended.", "whether the hiring deadline would be extended")]
    [InlineData("It remains unclear whether the same cells were used in scooters, the company said.", "whether the same cells were used in scooters")]
    [InlineData("She declined to say whether she would ask the council for money.", "whether she would ask the council for money")]
    [InlineData("It was not yet known how many of the batteries had been returned.", "how many of the batteries had been returned")]
    [InlineData("Owners can check whether their battery is covered by looking at the label.", null)]
    [InlineData("The union rejected the offer, calling it an insult.", null)]
    public void AClauseNobodyHasToldAbout_IsOpen(string sentence, string? openWords) =>
        Assert.Equal(openWords, MarkedWords(sentence, cues => cues.OpenAt));

    /// <summary>
    /// What someone asked another to do is not done: from the request's "to" to the clause's end or a conjunction
    /// ("… and offered City Hall" was done).
    /// </summary>
    [Theory]
    [InlineData("On Tuesday, the authority asked Judge Harold Finch to order the strikers back to work, arguing that it was unsafe.", "to order the strikers back to work")]
    [InlineData("Mayor Marsh urged both sides to return to the table and offered City Hall for talks.", "to return to the table")]
    [InlineData("The union is asking the state to require Corvane to keep 1,500 workers on the site, Whitcomb said.", "to require Corvane to keep 1,500 workers on the site")]
    [InlineData("The union rejected the offer, calling it an insult.", null)]
    public void WhatSomeoneWasAskedToDo_IsRequested(string sentence, string? requestedWords) =>
        Assert.Equal(requestedWords, MarkedWords(sentence, cues => cues.RequestedAt));

    /// <summary>News names an unknown town by the state or country after it: that place is where, too.</summary>
    [Theory]
    [InlineData("The boats are built by Nordvik Marine, a shipyard in Bergen, Norway.", true)]
    [InlineData("The factory near Millbrook, Iowa, will open late.", true)]
    [InlineData("Nordvik Marine, Norway's biggest yard, builds them.", false)] // no locative before the town
    public void APlaceAfterATownAndAComma_FollowsTheLocative(string sentence, bool expected)
    {
        var place = sentence.Contains("Norway", StringComparison.Ordinal) ? "Norway" : "Iowa";

        Assert.Equal(expected, AnswerSelector.LocativeBefore().IsMatch(sentence[..sentence.IndexOf(place, StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("Quintero spoke outside the union hall on Pruitt Avenue.")]
    [InlineData("Workers gathered at the plant before dawn.")]
    public void LocativeBeforeAPlaceNoun_DescribesALocation(string sentence)
    {
        Assert.Matches(AnswerSelector.LocationPhrase(), sentence);
    }

    /// <summary>The words of a one-sentence story that <paramref name="marks"/> marks, joined; null when it marks none.</summary>
    private static string? MarkedWords(string sentence, Func<SentenceCues, IReadOnlyList<bool>?> marks)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("story.txt");
        File.WriteAllText(path, "Title: Cues\nSource: AP\n\n" + sentence + "\n");
        var profile = new StoryModel(StoryLibrary.Load(path), StoryAnalyzer.ForIndex()).Profiles.Single(p => p.Sentence.Text == sentence);
        return marks(profile.Cues) is { } at ? string.Join(' ', profile.Tokens.Where((_, i) => at[i]).Select(t => t.Text)) : null;
    }

    private static int IndexOfMention(SentenceProfile profile, string name)
    {
        var text = profile.Sentence.Text;
        for (var i = 0; i < profile.Mentions.Count; i++)
        {
            if (text[profile.Mentions[i].Start..profile.Mentions[i].End] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{name}' is not a mention of: {text}");
    }
}
