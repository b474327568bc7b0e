using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>The answer type a question's wording asks for.</summary>
public sealed class QuestionClassifierTests
{
    [Theory]
    [InlineData("what was the name of the fbi guy", QuestionType.Who)] // the name of a person is a person
    [InlineData("what's the name of the woman who testified", QuestionType.Who)]
    [InlineData("what is the name of the air base", QuestionType.Name)] // the name of a thing stays a name
    [InlineData("what are the zones called", QuestionType.Name)]
    [InlineData("what's the lawyer's name", QuestionType.Name)] // "X's name" is "the name of X"
    [InlineData("what's the fbi guy's name", QuestionType.Who)]
    [InlineData("who was the guy that got fired", QuestionType.Who)]
    public void NameQuestion_AboutAPerson_AsksWho(string normalized, QuestionType type) =>
        Assert.Equal(type, QuestionClassifier.Classify(normalized));

    /// <summary>"How much time" asks how long, not for an amount.</summary>
    [Theory]
    [InlineData("how much time does the company have to appeal", QuestionType.HowLong)]
    [InlineData("how much money does the company have to pay", QuestionType.HowMuch)]
    public void HowMuchTime_AsksHowLong(string normalized, QuestionType type) =>
        Assert.Equal(type, QuestionClassifier.Classify(normalized));

    /// <summary>A deadline or a date is a time: "what's the deadline" asks when, like "by when".</summary>
    [Theory]
    [InlineData("what's the deadline for hiring all those people", QuestionType.When)]
    [InlineData("what is the due date", QuestionType.When)]
    [InlineData("by when do they have to decide", QuestionType.When)]
    [InlineData("whats the date of the vote", QuestionType.When)]
    [InlineData("what's the deal with the deadline", QuestionType.What)] // about the deadline, not asking for it
    public void DeadlineOrDate_AsksWhen(string normalized, QuestionType type) =>
        Assert.Equal(type, QuestionClassifier.Classify(normalized));

    [Theory]
    [InlineData("how many people visit the museum a year", "people")] // the plural ends the phrase: not "visit"
    [InlineData("how many ppl work there", "ppl")]
    [InlineData("how many cruise missiles hit the base", "missiles")]
    [InlineData("how many bus drivers walked out", "drivers")]
    [InlineData("how many us troops are there", "troops")] // "us" is not a plural
    [InlineData("how many news outlets reported it", "outlets")]
    [InlineData("how many of the 38 fires were in canada", "fires")] // a part of a whole the question names
    [InlineData("how many of their workers quit", "workers")]
    public void CountedNoun_IsThePhrasesPlural(string normalized, string noun) =>
        Assert.Equal(noun, QuestionClassifier.CountedNoun(normalized));

    /// <summary>A "when" clause after the question word only dates what is asked: "where was the guard when it happened" asks where.</summary>
    [Theory]
    [InlineData("where was the union lady when she talked to reporters", QuestionType.Where)]
    [InlineData("what was the agency investigating when he was fired", QuestionType.What)]
    [InlineData("who was in charge when the strike began", QuestionType.Who)]
    [InlineData("when did the strike begin", QuestionType.When)]
    [InlineData("so the strike began when", QuestionType.When)]
    [InlineData("what time did the thieves get in", QuestionType.When)]
    public void WhenClause_AfterAQuestionWord_DoesNotMakeAWhenQuestion(string normalized, QuestionType type) =>
        Assert.Equal(type, QuestionClassifier.Classify(normalized));

    /// <summary>A "who" opening a relative clause after another question word and a noun only says which ones: the first question word asks.</summary>
    [Theory]
    [InlineData("what are schools doing for students who show up late", QuestionType.What)]
    [InlineData("how are riders who use wheelchairs getting around", QuestionType.How)]
    [InlineData("what about who fired him", QuestionType.Who)]
    [InlineData("who was in charge", QuestionType.Who)]
    [InlineData("and the workers who walked out, who leads them", QuestionType.Who)]
    public void RelativeWho_AfterAQuestionWord_DoesNotMakeAWhoQuestion(string normalized, QuestionType type) =>
        Assert.Equal(type, QuestionClassifier.Classify(normalized));

    /// <summary>"How fast / far / tall …" asks for a number in the adjective's units; "how far along" asks for progress.</summary>
    [Theory]
    [InlineData("how fast can the cargo bike go", QuestionType.HowMany, "fast")]
    [InlineData("how big was the night crew", QuestionType.HowMany, "big")]
    [InlineData("how far along is the building", QuestionType.How, null)]
    [InlineData("how far over budget is construction", QuestionType.How, null)]
    [InlineData("how come they stopped", QuestionType.Why, null)]
    public void HowAdjective_AsksForAMeasure(string normalized, QuestionType type, string? degree)
    {
        Assert.Equal(type, QuestionClassifier.Classify(normalized));
        Assert.Equal(degree, QuestionClassifier.DegreeAsked(normalized));
    }

    /// <summary>A salary, a fare or what someone earns is an amount of money, asked with or without "how much".</summary>
    [Theory]
    [InlineData("what's karen lindqvist's salary", QuestionType.HowMuch, "salary")]
    [InlineData("what was quillon's revenue last year", QuestionType.HowMuch, "revenue")] // the head, not "year"
    [InlineData("how much do the mechanics make an hour", QuestionType.HowMuch, "make")]
    [InlineData("what do the transit mechanics get paid per hour", QuestionType.HowMuch, null)] // paid: any amount
    [InlineData("how much does the chip factory cost", QuestionType.HowMuch, null)]
    [InlineData("what did the union say about wages", QuestionType.What, null)] // about wages, not asking for one
    [InlineData("how much progress has been made", QuestionType.HowMany, null)]
    public void MoneyQuestion_NamesWhatTheAmountMeasures(string normalized, QuestionType type, string? measure)
    {
        Assert.Equal(type, QuestionClassifier.Classify(normalized));
        Assert.Equal(measure, QuestionClassifier.MoneyMeasure(normalized));
    }

    [Theory]
    [InlineData("trump denies any links to russia right", "right")]
    [InlineData("comey got fired on tuesday yeah", "yeah")]
    [InlineData("turn right", null)] // too short to be a statement with a tag
    [InlineData("who is right", null)]
    public void ConfirmationTag_EndsAStatement(string normalized, string? tag)
    {
        Assert.Equal(tag, QuestionClassifier.TagOf(normalized));
        if (tag is not null)
        {
            Assert.Equal(QuestionType.YesNo, QuestionClassifier.Classify(normalized));
        }
    }

    /// <summary>"What's the deal with X" is casual for "tell me about X": the frame's noun is not a topic.</summary>
    [Theory]
    [InlineData("whats the deal with the tomahawks", "deal")]
    [InlineData("what's up with the de-escalation zones", "up")]
    [InlineData("so what's going on with flynn", "going on")]
    [InlineData("what does iran get out of the deal with russia", null)] // a deal the story may name
    public void AboutFrame_IsNotATopic(string normalized, string? frame) =>
        Assert.Equal(frame is null ? Array.Empty<string>() : frame.Split(' '), QuestionClassifier.FrameWords(normalized));

    /// <summary>"were is …" is a typo of "where": "were" cannot open a question before another verb.</summary>
    [Theory]
    [InlineData("were is the meeting", QuestionType.Where)]
    [InlineData("were did tillerson meet putin", QuestionType.Where)]
    [InlineData("were you aware of this", QuestionType.YesNo)]
    public void WereBeforeAVerb_IsWhere(string normalized, QuestionType type) =>
        Assert.Equal(type, QuestionClassifier.Classify(normalized));

    /// <summary>The noun of "which X …" ends at an auxiliary, typed out or as chat shorthand ("r" for are).</summary>
    [Theory]
    [InlineData("which bikes r affected", "bikes")]
    [InlineData("which bikes are affected", "bikes")]
    [InlineData("which congressional committees are running the probes", "committees")]
    public void WhichNoun_EndsAtAnAuxiliary(string normalized, string noun) =>
        Assert.Equal(noun, QuestionClassifier.WhichNoun(normalized));

    /// <summary>"What party is she in" asks for a party as "which party" would; "what is in the bill" asks for no noun.</summary>
    [Theory]
    [InlineData("what party is the mayor in", "party")]
    [InlineData("what's the population of ashgrove", "population")]
    [InlineData("what is the population of ashgrove", "population")]
    [InlineData("what county is millbrook in", "county")]
    [InlineData("what is in the bill", null)]
    [InlineData("what did trump say", null)]
    [InlineData("what happened in syria", null)]
    public void WhatNoun_IsAskedForLikeAWhichNoun(string normalized, string? noun) =>
        Assert.Equal(noun, QuestionClassifier.WhichNoun(normalized));

    /// <summary>Openers that ask nothing are counted only when a question word follows them.</summary>
    [Theory]
    [InlineData("wait who is karen lindqvist", 1)]
    [InlineData("ok so what did he say", 2)]
    [InlineData("hey when is the hearing", 1)]
    [InlineData("so tired lol", 0)]
    [InlineData("and what about him", 0)]
    [InlineData("who is karen lindqvist", 0)]
    public void LeadingDiscourseMarkers_AreCountedBeforeAQuestionWord(string normalized, int count) =>
        Assert.Equal(count, QuestionClassifier.LeadingDiscourseMarkers(normalized));

    /// <summary>The word after "who" and its auxiliaries is what a who-question asks about; "who did X …" asks about X's act.</summary>
    [Theory]
    [InlineData("who's gonna replace comey at the fbi", "replace")]
    [InlineData("who will replace flynn", "replace")]
    [InlineData("who won the super bowl last year", "won")]
    [InlineData("who is the president of turkey", "president")]
    [InlineData("who did comey fire", null)]
    public void WhoAsksAbout_TheWordAfterItsAuxiliaries(string normalized, string? word) =>
        Assert.Equal(word, QuestionClassifier.WhoAsksAbout(normalized));
}
