using StoryBot.Knowledge.Answering;
using Xunit;

namespace StoryBot.Knowledge.Tests.Answering;

/// <summary>
/// The knowledge core on its own, without Bot Framework: which sentence a question cites, which words are
/// bolded, when it declines, and how follow-ups use the conversation's memory.
/// </summary>
public sealed class StoryKnowledgeTests : IClassFixture<StoryKnowledgeTests.Loaded>
{
    private readonly StoryKnowledge _knowledge;

    public StoryKnowledgeTests(Loaded loaded) => _knowledge = loaded.Knowledge;

    [Theory]
    [InlineData("Who did Trump fire at the FBI?", 8, "James Comey")]
    [InlineData("when was Comey sacked?", 8, "on Tuesday")]
    [InlineData("how many cruise missiles did Trump fire?", 14, "nearly 60")]
    [InlineData("who is Sergey Lavrov?", 3, "Russian Minister of Foreign Affairs")]
    [InlineData("where did Tillerson visit Putin and Lavrov?", 15, "in Moscow")]
    [InlineData("how many people has the syrian war killed", 17, "up to 400,000")]
    [InlineData("how many cruise missiles did the US launch?", 14, "nearly 60")]
    [InlineData("who misled officials?", 9, "Flynn")]
    [InlineData("who did trupm fire?", 8, "James Comey")] // the misspelt name is read as Trump by the words and the semantic signal, and is not the answer
    [InlineData("when did yates warn the white house?", 10, "in January")] // the time nearest "warned", not the hearing's "on Monday"
    public void Question_CitesTheSentence_AndBoldsTheAnswer(string question, int sentence, string span) =>
        AssertCites(question, sentence, span);

    /// <summary>
    /// People ask about someone by an everyday noun ("the guy", "the lady", "the dude") and contract the question word
    /// without an apostrophe ("whos"): the noun asks for a person, like "who", and is not a topic the story lacks.
    /// </summary>
    [Theory]
    [InlineData("what was the name of the woman who testified", 10, "Sally Yates")] // the name of a person: who
    [InlineData("who's the lady who testified", 10, "Sally Yates")]
    [InlineData("whos the dude who got canned", 8, "James Comey")] // the one the relative clause's passive verb acted on
    public void EverydayPersonNoun_AsksForAPerson(string question, int sentence, string span) =>
        AssertCites(question, sentence, span);

    /// <summary>"Is X the Y?" is answered where the story says who X is, with X's title bold.</summary>
    [Theory]
    [InlineData("is tillerson the secretary of state", 3, "US Secretary of State")] // not a sentence that only names him
    [InlineData("was comey an fbi agent", 8, "FBI Director")]
    public void TitleQuestion_CitesWhereTheStorySaysWhoTheyAre(string question, int sentence, string span) =>
        AssertCites(question, sentence, span);

    /// <summary>"Who runs X?" asks for whoever holds the role its verb says: the FBI's director runs the FBI.</summary>
    [Theory]
    [InlineData("who runs the fbi", 8, "James Comey")]
    [InlineData("who heads the fbi", 8, "James Comey")]
    [InlineData("who fired the fbi director", 8, "Trump")] // the role is the object: its holder is not the answer
    public void WhoRunsQuestion_TheRoleHolderIsTheAnswer(string question, int sentence, string span) =>
        AssertCites(question, sentence, span);

    /// <summary><paramref name="question"/>, the first message, cites sentence <paramref name="sentence"/> with <paramref name="span"/> bold.</summary>
    private void AssertCites(string question, int sentence, string span)
    {
        var reply = _knowledge.Respond(question, new ConversationMemory());

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(sentence, reply.Citations[0].Sentence);
        Assert.Equal(span, reply.Citations[0].Span);
    }

    /// <summary>
    /// Declined; a question nearer the off-topic examples than the story (<paramref name="offTopic"/>) is declined before
    /// any sentence is scored, without offering a passage of the story.
    /// </summary>
    [Theory]
    [InlineData("What is the capital of Australia?", true)]
    [InlineData("What did Putin say about Comey being fired?", false)]
    [InlineData("where can i get good sushi around here", true)] // asks for a place: not the greeting "yo what's good"
    [InlineData("whats a good movie to watch tonight", true)]
    public void QuestionTheStoryDoesNotAnswer_IsDeclined(string question, bool offTopic)
    {
        var reply = _knowledge.Respond(question, new ConversationMemory());

        Assert.Equal(ReplyKind.NoAnswer, reply.Kind);
        Assert.False(reply.Answered);
        Assert.Empty(reply.Citations);
        Assert.InRange(reply.Confidence, 0, _knowledge.ConfidenceThreshold);
        if (offTopic)
        {
            Assert.Empty(reply.Related);
        }
    }

    /// <summary>A reaction after an answer asks nothing: it is acknowledged, not answered with the last topic's sentence.</summary>
    [Theory]
    [InlineData("lol")]
    [InlineData("interesting")]
    [InlineData("wow")]
    [InlineData("ok")]
    [InlineData("cool")]
    [InlineData("got it")]
    [InlineData("hmm")]
    public void ReactionAfterAnAnswer_IsAcknowledged_NotCited(string reaction)
    {
        var memory = new ConversationMemory();
        _knowledge.Respond("who did Trump fire?", memory);

        var reply = _knowledge.Respond(reaction, memory);

        Assert.Equal(ReplyKind.Acknowledge, reply.Kind);
        Assert.False(reply.Answered);
        Assert.Equal(SuggestionGenerator.MoreQuestion, reply.Suggestions[0]); // "tell me more" goes on from the answer
    }

    /// <summary>A message that neither asks nor names anything the story says is not a follow-up of the last answer.</summary>
    [Fact]
    public void ContentFreeMessageAfterAnAnswer_IsNotAnsweredFromTheLastTopic()
    {
        var memory = new ConversationMemory();
        _knowledge.Respond("who did Trump fire?", memory);

        var reply = _knowledge.Respond("this is dumb", memory);

        Assert.False(reply.Answered);
        Assert.Empty(reply.Citations);
    }

    /// <summary>Short follow-ups still lean on the conversation: a question word, "and …", a pronoun.</summary>
    [Theory]
    [InlineData("what did sally yates warn about?", "why?", 10)]
    [InlineData("who did trump fire on tuesday?", "what about him?", 8)]
    public void ShortFollowUp_StillCarriesTheConversation(string first, string followUp, int sentence)
    {
        var memory = new ConversationMemory();
        _knowledge.Respond(first, memory);

        var reply = _knowledge.Respond(followUp, memory);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(sentence, reply.Citations[0].Sentence);
    }

    [Fact]
    public void FollowUp_ResolvesThePronounFromMemory()
    {
        var memory = new ConversationMemory();
        _knowledge.Respond("Who is Sally Yates?", memory);

        var reply = _knowledge.Respond("when did she testify?", memory);

        Assert.Equal(10, reply.Citations[0].Sentence);
        Assert.Equal("on Monday", reply.Citations[0].Span);
    }

    /// <summary>"it" is the plan just cited, and the story goes on about it in the next sentence.</summary>
    [Fact]
    public void FollowUp_AboutWhatWasJustCited_CitesTheSentenceThatGoesOn()
    {
        var memory = new ConversationMemory();
        var plan = _knowledge.Respond("What plan was Lavrov bringing to Washington?", memory);

        var reply = _knowledge.Respond("what does it focus on?", memory);

        Assert.Equal(19, plan.Citations[0].Sentence);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(20, reply.Citations[0].Sentence);
    }

    [Fact]
    public void FollowUp_AfterAWhoQuestion_TakesTheAnswerAsHe()
    {
        var memory = new ConversationMemory();
        _knowledge.Respond("who did trump fire?", memory);

        var reply = _knowledge.Respond("when was he fired?", memory);

        Assert.Equal(8, reply.Citations[0].Sentence);
        Assert.Equal("on Tuesday", reply.Citations[0].Span);
    }

    [Fact]
    public void WhatDidXSay_CountsAQuoteAttributedAfterItsVerb_AsXSpeaking()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(
            folder,
            "Title: Council closes the old pier",
            "Source: AP, Harbour City",
            "AP, HARBOUR CITY",
            string.Empty,
            "The Harbour City council voted Monday to close the old pier to visitors after an inspection found rotten beams.",
            string.Empty,
            "“We had no choice once the beams failed the load test,” said Tomas Hale, the engineer who inspected the pier.",
            string.Empty,
            "Mayor Lisa Brandt said the city would look for money to repair the pier and reopen it next summer.");

        var explained = knowledge.Explain("what did tomas hale say", new ConversationMemory());

        var quote = RankTermsOf(explained, 2);
        Assert.Contains("typeMatch=1", quote);
    }

    /// <summary>
    /// A verb with its particle is one concept when the lexicon knows the phrase ("gave up" → give up, "walk out" →
    /// strike), even when the verb alone is a light verb the question drops; "out of" is a preposition, not a particle.
    /// </summary>
    [Fact]
    public void PhrasalVerb_IsOneConcept()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "About 4,200 drivers went on strike Monday after they gave up hope of a deal.", "The last strike ended with a 7 percent raise.");

        var gaveUp = Concepts(knowledge.Explain("what did the drivers give up", new ConversationMemory()));
        var walkOut = Concepts(knowledge.Explain("when did the drivers walk out", new ConversationMemory()));
        var outOf = Concepts(knowledge.Explain("how much did drivers get out of it", new ConversationMemory()));

        Assert.Contains("give up", gaveUp.Keys);
        Assert.Contains("strike(", walkOut["walk out"], StringComparison.Ordinal);
        Assert.DoesNotContain("get out", outOf.Keys);
    }

    /// <summary>
    /// "How many workers" is answered by a count of a kind of worker ("4,200 bus drivers"): WordNet's broader terms say
    /// a driver is a worker. A count of something else (days) is still no answer.
    /// </summary>
    [Fact]
    public void HowManyOfAClass_IsAnsweredByACountOfAKind()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "About 4,200 bus drivers walked off the job on Monday.", "The last walkout, in 2009, lasted 11 days.");

        double TypeMatch(string words) => TypeMatchOf(knowledge, "how many workers walked off the job", words);

        Assert.Equal(1, TypeMatch("4,200 bus drivers"));
        Assert.Equal(0, TypeMatch("11 days"));
    }

    /// <summary>
    /// "The number of mechanics … has fallen from 325 to 240" counts mechanics though no number stands before the noun; a
    /// number of something else (days) is still no count of mechanics.
    /// </summary>
    [Fact]
    public void HowMany_IsAnsweredByTheNumberOfTheCountedNoun()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "The number of mechanics on the payroll has fallen from 325 to 240 since 2021.", "The number of strike days has reached 11.");

        double TypeMatch(string words) => TypeMatchOf(knowledge, "how many mechanics are left on the payroll", words);

        Assert.Equal(1, TypeMatch("from 325 to 240"));
        Assert.Equal(0, TypeMatch("strike days"));
    }

    /// <summary>
    /// What a count question asks for, read exactly: a number counts a noun of its own phrase ("children under 12 and
    /// people who …" counts children; "all 31 of its schools" counts schools), a number the question states itself is no
    /// answer ("how many of the 38 fires"), an amount of money counts no things, and "what percent" asks for a percentage.
    /// </summary>
    [Theory]
    [InlineData("Blood tests go first to children under 12 and people who have lived in town for years.", "how many people lived in town", "children under 12", 0)]
    [InlineData("The outage knocked out computers across all 31 of its schools.", "how many schools lost their computers", "all 31 of its schools", 1)]
    [InlineData("Regulators have counted 38 fires linked to the battery packs.", "how many of the 38 fires were in canada", "counted 38 fires", 0)]
    [InlineData("Nine fires linked to the packs broke out in Canada.", "how many of the 38 fires were in canada", "Nine fires", 1)]
    [InlineData("Thieves broke in early Sunday and took 14 pieces from the gallery.", "how many things did they steal", "took 14 pieces", 1)]
    [InlineData("The stolen pieces are insured for about $3.2 million.", "how many things did they steal", "$3.2 million", 0)]
    [InlineData("The cancellations wiped out about 41% of the airline's scheduled flights.", "what percent of their flights got scrapped", "about 41%", 1)]
    [InlineData("The airline canceled 612 flights over the weekend.", "what percent of their flights got scrapped", "612 flights", 0)]
    public void CountQuestion_IsAnsweredOnlyByWhatItCounts(string sentence, string question, string words, double typeMatch)
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, sentence, "Drivers walked off the job on Monday in Ashgrove.");

        Assert.Equal(typeMatch, TypeMatchOf(knowledge, question, words));
    }

    /// <summary>
    /// A town no gazetteer knows is a place when the story says so: the dateline's town, "Millbrook, Iowa", "Alder
    /// Crossing, a Portland suburb". A capitalised name the story does not call a place still answers no "where".
    /// </summary>
    [Fact]
    public void WhereQuestion_IsAnsweredByATownTheStorySaysIsAPlace()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(folder, "Title: Fires and a strike", "Source: AP", string.Empty, "ASHGROVE, Ohio (AP) — Drivers walked off the job in Ashgrove on Monday.",
            string.Empty, "A fire broke out in Alder Crossing, a Portland suburb, on January 9.", string.Empty, "A plant near Millbrook, Iowa, will open late.",
            string.Empty, "A second fire broke out in Quillon Cycles on Friday.", string.Empty, "Quillon Cycles makes the bikes.");

        Assert.Equal(1, TypeMatchOf(knowledge, "where did the drivers walk off the job", "in Ashgrove"));
        Assert.Equal(1, TypeMatchOf(knowledge, "where did the fire break out", "in Alder Crossing"));
        Assert.Equal(1, TypeMatchOf(knowledge, "where is the plant", "near Millbrook"));
        Assert.Equal(0, TypeMatchOf(knowledge, "where did the second fire break out", "in Quillon Cycles"));
    }

    /// <summary>
    /// A money question that names what the amount measures ("how much do drivers earn", "what's the agency's revenue")
    /// is answered by an amount beside that measure, and one asked per hour by an amount per hour: the $118 million the
    /// demands would cost is neither a wage nor revenue.
    /// </summary>
    [Fact]
    public void MoneyQuestion_IsAnsweredByAnAmountOfWhatItMeasures()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "The union says top-scale drivers, who now earn $29 an hour, have fallen behind.", "The agency said the demands would cost $118 million over three years.");

        Assert.Equal(1, TypeMatchOf(knowledge, "how much do top-scale drivers earn", "$29"));
        Assert.Equal(1, TypeMatchOf(knowledge, "how much do drivers make an hour", "$29"));
        Assert.Equal(0, TypeMatchOf(knowledge, "how much do drivers make an hour", "$118"));
        Assert.Equal(0, TypeMatchOf(knowledge, "what's the agency's revenue", "$118"));
        Assert.Equal(1, TypeMatchOf(knowledge, "how much would the demands cost", "$118")); // cost: any amount answers
    }

    /// <summary>
    /// "How fast" is answered by a speed, not by any number: "carry 6,000 passengers a day" says nothing of how fast the
    /// boats go; "cruise at 28 knots" does.
    /// </summary>
    [Fact]
    public void HowFast_IsAnsweredByANumberInSpeedUnits()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(folder, "Title: Ferry line approved", "Source: AP, Portmouth", string.Empty,
            "Officials expect the ferries to carry about 6,000 passengers a day.", string.Empty, "The electric ferries will cruise at 28 knots.");

        double TypeMatch(string words) => TypeMatchOf(knowledge, "how fast do the ferries go", words);

        Assert.Equal(1, TypeMatch("28 knots"));
        Assert.Equal(0, TypeMatch("6,000 passengers"));
    }

    /// <summary>A place described rather than named answers "where": "on a scheduled break in another wing".</summary>
    [Fact]
    public void WhereQuestion_IsAnsweredByADescribedPlace()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(folder, "Title: Museum theft", "Source: AP, Harlan", string.Empty,
            "The lone guard was on a scheduled break in another wing when the door was forced.", string.Empty, "The museum cut its guard staff in July.");

        double TypeMatch(string words) => TypeMatchOf(knowledge, "where was the guard when it happened", words);

        Assert.Equal(1, TypeMatch("another wing"));
        Assert.Equal(0, TypeMatch("in July"));
    }

    /// <summary>
    /// "Which rebel groups are fighting" asks which ones: the sentence's "rebels" is what the question already says, not
    /// an answer; a group it does not name ("investigators") still is one.
    /// </summary>
    [Fact]
    public void WhichGroupQuestion_IsNotAnsweredByTheGroupItNames()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(folder, "Title: War talks", "Source: AP, Washington", string.Empty,
            "The continued fighting between rebels and the army has complicated peace efforts.", string.Empty, "Investigators said the army had been fighting since 2011.");

        double TypeMatch(string words) => TypeMatchOf(knowledge, "which rebel groups are fighting the army", words);

        Assert.Equal(0, TypeMatch("between rebels"));
        Assert.Equal(1, TypeMatch("Investigators said"));
    }

    /// <summary>
    /// "Who's the CEO of Corvane?" is answered where the story introduces her with the title ("Chief executive Lena
    /// Hargrove told analysts …"), as "who is Hargrove?" is: a later "Hargrove said …" carries the title only by alias.
    /// </summary>
    [Fact]
    public void WhoHoldsARole_TheSentenceThatIntroducesTheHolderDefinesIt()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(folder, "Title: Chip plant delayed", "Source: AP, Millbrook", string.Empty,
            "Chief executive Lena Hargrove told analysts that orders had fallen.", string.Empty, "Hargrove said Corvane would give officials a new timeline.");

        double Defines(string words) => FeatureOf(knowledge, "who's the ceo of corvane", words, AnswerFeatures.DefinesSubject);

        Assert.Equal(1, Defines("Chief executive"));
        Assert.Equal(0, Defines("new timeline"));
    }

    /// <summary>
    /// "Who's offering …" is a verb in the progressive, not "who is the …": a group such as the police can be the
    /// answer, as it can for "who are …"; only "who is/was the …" asks for one person or body.
    /// </summary>
    [Fact]
    public void WhoIsDoingSomething_MayBeAGroup()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(
            folder,
            "Title: Paintings stolen from gallery",
            "Source: AP, Brookfield",
            string.Empty,
            "Thieves took three paintings from the Brookfield gallery overnight, the owner said.",
            string.Empty,
            "Police are offering a $5,000 reward for information about the missing paintings.");

        var explained = knowledge.Explain("who's offering the reward", new ConversationMemory());

        var reward = RankTermsOf(explained, 2);
        Assert.Contains("typeMatch=1", reward);
    }

    /// <summary>
    /// "Who is the army fighting" asks whom the army fights ("is … fighting" is one verb), not who the army is: rebels,
    /// a group, answer it as they answer "who are they fighting".
    /// </summary>
    [Fact]
    public void WhoIsXDoing_AsksForWhomXDoesIt()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "The continued fighting between rebels and the army has slowed the aid convoys.", "The army said the convoys would resume on Monday.");

        Assert.Equal(1, TypeMatchOf(knowledge, "who is the army fighting", "between rebels"));
    }

    /// <summary>Blaming, urging and admitting report what someone said: "what did the union accuse the authority of" is answered by "the union blamed the authority".</summary>
    [Fact]
    public void WhatDidXAccuse_IsAnsweredByWhatXBlamed()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "The union blamed the authority for the breakdown in talks on Sunday.", "The authority has run buses since 1962.");

        Assert.Equal(1, TypeMatchOf(knowledge, "what did the union accuse the authority of", "union blamed"));
    }

    /// <summary>
    /// A sentence that goes on about what the one before introduced ("She spent nine days …" after the nurse) carries the
    /// cosine of that sentence with it, so the scorer can weigh it; the story's first sentence has none before it.
    /// </summary>
    [Fact]
    public void SentenceAfterAnother_CarriesThePreviousSentencesCosine()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(folder, "Title: Battery fire", "Source: AP", string.Empty, "A nurse from Tacoma said her bike's battery caught fire on her way home.",
            string.Empty, "She spent nine days in a hospital burn unit.", string.Empty, "The company has recalled 212,000 packs.");
        const string Question = "how long was the tacoma nurse in the hospital";

        double Feature(string words, string feature) => FeatureOf(knowledge, Question, words, feature);

        Assert.Equal(0, Feature("A nurse from Tacoma", AnswerFeatures.SemanticPrevious));
        Assert.Equal(Feature("A nurse from Tacoma", AnswerFeatures.Semantic), Feature("nine days", AnswerFeatures.SemanticPrevious));
        Assert.Equal(Feature("nine days", AnswerFeatures.Semantic), Feature("212,000 packs", AnswerFeatures.SemanticPrevious));
        Assert.True(Feature("nine days", AnswerFeatures.SemanticPrevious) > 0);
    }

    /// <summary>
    /// "Who ran the airline before Whitcomb" is not answered by her quote "we let our customers down": a group in a
    /// quotation is the speaker's word, not people the sentence names; outside one it may be the answer.
    /// </summary>
    [Fact]
    public void GroupInAQuotation_IsNoWhoAnswer()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "“We let our customers down, and I am deeply sorry,” chief executive Dana Whitcomb said.",
            "Stranded customers slept in the terminal, Whitcomb said.");

        Assert.Equal(0, TypeMatchOf(knowledge, "who ran the airline before whitcomb", "let our customers down"));
        Assert.Equal(1, TypeMatchOf(knowledge, "who slept in the terminal", "Stranded customers"));
    }

    /// <summary>"Is she a democrat or a republican" is answered only by a sentence that names one of the two (or a synonym).</summary>
    [Fact]
    public void ChoiceQuestion_NeedsASentenceNamingAChoice()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "State Senator Maria Espinoza, a Democrat from Cedar Rapids, criticized the offer.",
            "Mayor Evelyn Marsh urged both sides to return to the table.");

        Assert.Equal(1, TypeMatchOf(knowledge, "is maria espinoza a dem or gop", "Maria Espinoza"));
        Assert.Equal(1, FeatureOf(knowledge, "is evelyn marsh a democrat or republican", "Evelyn Marsh", AnswerFeatures.TypeMismatch));
    }

    /// <summary>
    /// "What party is the mayor in?" asks for a party: a story that never names one cannot say it, however well a
    /// sentence about the mayor matches. A noun that names a kind of answer ("what time") asks for a value, not the word.
    /// </summary>
    [Fact]
    public void AskedNounTheStoryNeverUses_IsMarkedUnknown()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "Mayor Evelyn Marsh urged both sides to return to the table at 9 a.m.", "The union rejected the offer, calling it an insult.");

        Assert.Equal(1, FeatureOf(knowledge, "what party is the mayor in", "Mayor Evelyn Marsh", AnswerFeatures.AskedUnknown));
        Assert.Equal(1, FeatureOf(knowledge, "whats the population of ashgrove", "Mayor Evelyn Marsh", AnswerFeatures.AskedUnknown));
        Assert.Equal(0, FeatureOf(knowledge, "what time did the mayor urge both sides to return", "Mayor Evelyn Marsh", AnswerFeatures.AskedUnknown));
        Assert.Equal(0, FeatureOf(knowledge, "what offer did the union reject", "union rejected", AnswerFeatures.AskedUnknown));
    }

    /// <summary>
    /// "He did not say whether the deadline would be extended" tells that nobody knows: the words a question shares with
    /// the open clause are counted, so "will the deadline be extended?" is marked and "what did Brandt say about tax
    /// credits?" is not.
    /// </summary>
    [Fact]
    public void QuestionAboutWhatASentenceLeavesOpen_IsMarked()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "Brandt said the state would not pay out any tax credits, but he did not say whether the hiring deadline would be extended.",
            "The union rejected the offer, calling it an insult.");

        Assert.True(FeatureOf(knowledge, "is the state gonna extend the hiring deadline", "hiring deadline", AnswerFeatures.LeftOpen) >= 0.5);
        Assert.Equal(0, FeatureOf(knowledge, "what did brandt say about tax credits", "hiring deadline", AnswerFeatures.LeftOpen));
        Assert.Equal(0, FeatureOf(knowledge, "what did the union reject", "union rejected", AnswerFeatures.LeftOpen));
    }

    /// <summary>
    /// "what did she say at the press conference" with nobody named before: "she" may be whoever spoke there, so a
    /// quote holds what is asked; once a turn has named someone, only their words do.
    /// </summary>
    [Fact]
    public void SpeechQuestionWithAPronounNobodyNamed_IsAnsweredByAnySpeaker()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "“We have put the most generous offer on the table,” Lindqvist said at a news conference.",
            "The union rejected the offer, calling it an insult.");

        Assert.Equal(1, TypeMatchOf(knowledge, "what did she say at the press conference", "most generous offer"));
    }

    /// <summary>"wait who is karen lindqvist" asks what "who is karen lindqvist" asks: the opener is no topic.</summary>
    [Theory]
    [InlineData("who is karen lindqvist")]
    [InlineData("wait who is karen lindqvist")]
    [InlineData("ok so who is karen lindqvist")]
    public void QuestionOpenedWithADiscourseMarker_IsReadWithoutIt(string question)
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "The union rejected the offer, calling it an insult.",
            "Karen Lindqvist, the authority’s general manager, said the demands would cost $118 million.");

        Assert.Equal(1, FeatureOf(knowledge, question, "Karen Lindqvist", AnswerFeatures.DefinesSubject));
        Assert.Equal(1, FeatureOf(knowledge, question, "Karen Lindqvist", AnswerFeatures.Coverage));
    }

    /// <summary>
    /// "Asked the judge to order them back to work" does not say the judge did: a question whether he did shares its
    /// words with the request, a question about what was asked does not count them.
    /// </summary>
    [Fact]
    public void QuestionWhetherARequestWasGranted_IsMarked()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "On Tuesday, the authority asked Judge Harold Finch to order the strikers back to work.",
            "The union rejected the offer, calling it an insult.");

        Assert.True(FeatureOf(knowledge, "did the judge order the strikers back to work", "Judge Harold Finch", AnswerFeatures.LeftOpen) >= 0.5);
        Assert.Equal(0, FeatureOf(knowledge, "what did the authority ask the judge to do", "Judge Harold Finch", AnswerFeatures.LeftOpen));
    }

    /// <summary>"Who will replace X?" asks about replacing: a story that never speaks of it cannot say who.</summary>
    [Fact]
    public void WhoQuestionAboutAnActTheStoryNeverNames_IsMarkedUnknown()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "The authority fired its chief mechanic, Tom Reyes, on Monday.", "The union rejected the offer, calling it an insult.");

        Assert.Equal(1, FeatureOf(knowledge, "who's gonna replace reyes", "Tom Reyes", AnswerFeatures.AskedUnknown));
        Assert.Equal(0, FeatureOf(knowledge, "who fired reyes", "Tom Reyes", AnswerFeatures.AskedUnknown));
    }

    /// <summary>
    /// "How did X react" and "did X say anything" ask for X's reaction or word: a sentence that never mentions X (or the
    /// head of "iowa's governor", not Iowa) does not hold it, however well it matches the event.
    /// </summary>
    [Fact]
    public void ReactionQuestion_IsNotAnsweredWhereTheReactorIsAbsent()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStrikeStory(folder, "The authority offered drivers a 2 percent raise in Ohio on Sunday.", "The union rejected the offer, calling it an insult.");

        Assert.Equal(1, TypeMatchOf(knowledge, "how did the union react to the offer", "union rejected"));
        Assert.Equal(0, TypeMatchOf(knowledge, "how did the union react to the offer", "authority offered"));
        Assert.Equal(0, TypeMatchOf(knowledge, "did ohio's governor say anything about the offer", "in Ohio"));
        Assert.Equal(1, TypeMatchOf(knowledge, "did the union say anything about the raise", "union rejected"));
    }

    /// <summary>
    /// "going to hear" is a future, not a trip ("go to" ~ travel); the verb reaches the story's "-ing" noun
    /// ("hear" → "hearing"); "supposed to" and "kinda" are the question's frame, not words a sentence must say.
    /// </summary>
    [Fact]
    public void QuestionWords_AreReadAsTheirGrammarNotTheirLetters()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadStory(
            folder,
            "Title: Judge weighs the strike",
            "Source: AP, Ashgrove",
            string.Empty,
            "The transit authority asked Judge Harold Finch to order the drivers back to work.",
            string.Empty,
            "Finch scheduled a hearing for Thursday morning but did not say when he would rule.");

        var future = Concepts(knowledge.Explain("when is the judge going to hear the case", new ConversationMemory()));
        var frame = Concepts(knowledge.Explain("what kinda order was the judge supposed to give", new ConversationMemory()));

        Assert.Equal(new[] { "judge", "hear", "case" }, future.Keys);
        Assert.Contains("hearing(0.80,df=1)", future["hear"]);
        Assert.Equal(new[] { "order", "judge" }, frame.Keys);
        Assert.Contains("go(", knowledge.Explain("did the judge go to ashgrove", new ConversationMemory()));
    }

    /// <summary>
    /// A statement typed as a question with a confirmation tag ("…, right?") asks to confirm it: the tag is not a topic,
    /// so "right" does not pull the answer to Trump's "Right now we're not getting along".
    /// </summary>
    [Fact]
    public void ConfirmationTag_AsksToConfirm_AndIsNotATopic()
    {
        var explained = _knowledge.Explain("trump denies any links to russia, right?", new ConversationMemory());
        var reply = _knowledge.Respond("trump denies any links to russia, right?", new ConversationMemory());

        Assert.Contains("type=YesNo", explained);
        Assert.DoesNotContain("concept 'right'", explained);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(11, reply.Citations[0].Sentence);
    }

    /// <summary>
    /// "What's the deal with X" asks about X: "deal" does not pull the answer to the agreement with Iran and Turkey, and
    /// "what's going on with X" is a question about X, not a request for the story's summary.
    /// </summary>
    [Fact]
    public void AboutFrame_AsksAboutWhatFollows()
    {
        var tomahawks = _knowledge.Respond("whats the deal with the tomahawks", new ConversationMemory());
        var flynn = _knowledge.Respond("what's going on with flynn?", new ConversationMemory());

        Assert.Equal(ReplyKind.Answer, tomahawks.Kind);
        Assert.Equal(14, tomahawks.Citations[0].Sentence);
        Assert.Equal(ReplyKind.Answer, flynn.Kind);
        Assert.Equal(9, flynn.Citations[0].Sentence);
        Assert.Equal(ReplyKind.Summary, _knowledge.Respond("what's going on?", new ConversationMemory()).Kind);
    }

    /// <summary>
    /// A new question of one word the story knows ("hows the traffic") after another topic is a new question, not a
    /// follow-up: carrying the judge over from the last answer would cite the judge again.
    /// </summary>
    [Fact]
    public void OneWordTopic_AfterAnotherAnswer_IsANewQuestion()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadTransitStrike(folder);
        var memory = new ConversationMemory();

        knowledge.Respond("did the judge make a call yet", memory);
        var reply = knowledge.Respond("hows the traffic", memory);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.StartsWith("Traffic on the Harmon Expressway", reply.Citations[0].Text);
    }

    /// <summary>
    /// "Where exactly will the zones be?" names everything the zones' sentence says but asks for a place it does not
    /// give: the mismatch is weighed by how fully the sentence matches, so the nearest miss looks like one.
    /// </summary>
    [Fact]
    public void NearestMiss_WeighsTheMismatchByCoverage()
    {
        var miss = _knowledge.Candidates("where exactly will the four de-escalation zones be?", new ConversationMemory())![0];
        var hit = _knowledge.Candidates("where was trump scheduled to meet putin's top diplomat?", new ConversationMemory())![0];
        double Feature(ScoredSentence s, string name) => s.Features[AnswerFeatures.IndexOf(name)];

        Assert.Contains("de-escalation zones", miss.Profile.Sentence.Text);
        Assert.Equal(1, Feature(miss, AnswerFeatures.TypeMismatch));
        Assert.Equal(Feature(miss, AnswerFeatures.Coverage), Feature(miss, AnswerFeatures.MismatchCovered));
        Assert.True(Feature(miss, AnswerFeatures.MismatchCovered) > 0.9);
        Assert.Equal(0, Feature(hit, AnswerFeatures.MismatchCovered));
    }

    /// <summary>
    /// The name a title stands before is the whole name after it ("Mayor Evelyn Marsh", "Judge Harold Finch"), not the
    /// first capitalised word near the title ("Tallow County").
    /// </summary>
    [Theory]
    [InlineData("whats the name of the mayor", "Evelyn Marsh")]
    [InlineData("what is the name of the judge", "Harold Finch")]
    [InlineData("what's the judge's name", "Harold Finch")] // "X's name" asks for a name like "the name of X"
    [InlineData("whats the mayor's name", "Evelyn Marsh")]
    public void NameOfATitledPerson_BoldsTheWholeName(string question, string span)
    {
        using var folder = new TempFolder();
        using var knowledge = LoadTransitStrike(folder);

        var reply = knowledge.Respond(question, new ConversationMemory());

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(span, reply.Citations[0].Span);
    }

    /// <summary>
    /// "Who is the president of the building trades council" asks for the one who holds the role: neither the council
    /// the question names ("the Central Iowa Building Trades Council") nor a group ("construction workers") answers it.
    /// </summary>
    [Fact]
    public void WhoHoldsARoleInAnOrganisation_IsThePersonNotTheOrganisation()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadTrainingStory(folder, "chip-plant");

        var reply = knowledge.Respond("who is the president of the building trades council", new ConversationMemory());

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("Dale Whitcomb", reply.Citations[0].Span);
    }

    /// <summary>
    /// "Where is the shipyard that's making them" is answered by "a shipyard in Bergen, Norway": the country after the
    /// town and its comma is where, and the apostrophe-less "thats" is no topic the story lacks.
    /// </summary>
    [Fact]
    public void WhereQuestion_TownThenCountry_IsWhere()
    {
        using var folder = new TempFolder();
        using var knowledge = LoadTrainingStory(folder, "harbor-ferry");

        var reply = knowledge.Respond("where is the shipyard thats making them", new ConversationMemory());

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("a shipyard in Bergen, Norway", reply.Citations[0].Text, StringComparison.Ordinal);
    }

    /// <summary>The knowledge core over the transit-strike story of the training pool, indexed in <paramref name="folder"/>.</summary>
    private static StoryKnowledge LoadTransitStrike(TempFolder folder) => LoadTrainingStory(folder, "transit-strike");

    /// <summary>The knowledge core over the training pool's story <paramref name="name"/>, indexed in <paramref name="folder"/>.</summary>
    private static StoryKnowledge LoadTrainingStory(TempFolder folder, string name) => StoryKnowledge.Load(new KnowledgeOptions
    {
        StoryPath = Path.Combine(TestFiles.Root, "eval", "train", name, "story.txt"),
        IndexPath = folder.Combine("index"),
        ModelPath = TestFiles.Model,
    });

    /// <summary>The knowledge core over a story of <paramref name="lines"/>, written to and indexed in <paramref name="folder"/>.</summary>
    private static StoryKnowledge LoadStory(TempFolder folder, params string[] lines)
    {
        var story = folder.Combine("story.txt");
        File.WriteAllText(story, string.Join("\n", lines));
        return StoryKnowledge.Load(new KnowledgeOptions { StoryPath = story, IndexPath = folder.Combine("index"), ModelPath = TestFiles.Model });
    }

    /// <summary>The rank terms <c>ask --explain</c> prints for sentence <paramref name="sentence"/> (the line after its "#n rank score=").</summary>
    private static string RankTermsOf(string explained, int sentence) =>
        explained.Split('\n').SkipWhile(line => !line.Contains($"#{sentence} rank score=", StringComparison.Ordinal)).Skip(1).First();

    /// <summary>Whether the candidate sentence of <paramref name="question"/> that contains <paramref name="words"/> holds what the question's type asks for (1 or 0).</summary>
    private static double TypeMatchOf(StoryKnowledge knowledge, string question, string words) => FeatureOf(knowledge, question, words, AnswerFeatures.TypeMatch);

    /// <summary>The value of <paramref name="feature"/> for the candidate sentence of <paramref name="question"/> that contains <paramref name="words"/>.</summary>
    private static double FeatureOf(StoryKnowledge knowledge, string question, string words, string feature) =>
        knowledge.Candidates(question, new ConversationMemory())!
            .Single(c => c.Profile.Sentence.Text.Contains(words, StringComparison.Ordinal)).Features[AnswerFeatures.IndexOf(feature)];

    /// <summary>A two-paragraph story about a drivers' strike, for the checks that need the words of a strike.</summary>
    private static StoryKnowledge LoadStrikeStory(TempFolder folder, string first, string second) =>
        LoadStory(folder, "Title: Drivers strike", "Source: AP, Ashgrove", string.Empty, first, string.Empty, second);

    private static Dictionary<string, string> Concepts(string explained) =>
        explained.Split('\n').Where(line => line.StartsWith("  concept '", StringComparison.Ordinal))
            .ToDictionary(line => line.Split('\'')[1], line => line);

    [Fact]
    public void TellMeMore_CitesTheNextSentence_AndSourceRepeatsIt()
    {
        var memory = new ConversationMemory();
        _knowledge.Respond("who did trump fire?", memory);

        var more = _knowledge.Respond("tell me more", memory);
        var source = _knowledge.Respond("where does it say that?", memory);

        Assert.Equal(ReplyKind.More, more.Kind);
        Assert.Equal(9, more.Citations[0].Sentence);
        Assert.Equal(ReplyKind.Source, source.Kind);
        Assert.Equal(9, source.Citations[0].Sentence);
    }

    [Theory]
    [InlineData("hi", ReplyKind.Greeting)]
    [InlineData("thanks for your help", ReplyKind.Thanks)]
    [InlineData("what can you do?", ReplyKind.Help)]
    [InlineData("are you a bot?", ReplyKind.About)]
    [InlineData("start over", ReplyKind.Reset)]
    [InlineData("what is this story about?", ReplyKind.Summary)]
    public void Smalltalk_GetsItsIntent(string message, ReplyKind kind)
    {
        Assert.Equal(kind, _knowledge.Respond(message, new ConversationMemory()).Kind);
    }

    /// <summary>The real story loaded once for the class, with its own index folder.</summary>
    public sealed class Loaded : IDisposable
    {
        private readonly TempFolder _index = new();

        public Loaded() => Knowledge = StoryKnowledge.Load(new KnowledgeOptions { StoryPath = TestFiles.RealStory, IndexPath = _index.Path, ModelPath = TestFiles.Model });

        public StoryKnowledge Knowledge { get; }

        public void Dispose()
        {
            Knowledge.Dispose();
            _index.Dispose();
        }
    }
}
