using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Ingest;
using StoryBot.Knowledge.Semantics;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Knowledge;

/// <summary>
/// The knowledge core behind the bot: ingest → index → understand → answer. Loads the stories, opens
/// (or builds) the Lucene index, and turns one message plus the conversation's memory into a
/// channel-neutral <see cref="KnowledgeReply"/>. Thread-safe: one instance serves every conversation.
/// </summary>
public sealed class StoryKnowledge : IDisposable
{
    private readonly StoryModel _model;
    private readonly SentenceIndex _index;
    private readonly QuestionAnalyzer _questions;
    private readonly AnswerSelector _selector;
    private readonly KnowledgeOptions _options;
    private readonly SemanticEncoder? _encoder;
    private readonly SmalltalkDetector? _smalltalk;
    private readonly ScorerWeights _scorer;
    private readonly LinearModel? _span;
    private readonly QueryVectorCache _queryVectors;

    private StoryKnowledge(KnowledgeOptions options, StoryModel model, SentenceIndex index, SynonymTable synonyms, ScorerWeights scorer, LinearModel? span, SemanticEncoder? encoder)
    {
        _options = options;
        _span = span;
        _model = model;
        _index = index;
        _scorer = scorer;
        _encoder = encoder;
        _queryVectors = new QueryVectorCache(options.QueryCacheSize);
        _smalltalk = encoder is null ? null : new SmalltalkDetector();
        _questions = new QuestionAnalyzer(model, synonyms, options.Features);
        _selector = new AnswerSelector(model, index, options.Features, scorer, options.MeasureEveryFeature);
        ConfidenceThreshold = options.ConfidenceThreshold ?? scorer.Threshold;
        StarterQuestions = BuildStarters();
    }

    /// <summary>Loads the stories and opens the index; throws <see cref="StoryLoadException"/> when the stories cannot be read.</summary>
    public static StoryKnowledge Load(KnowledgeOptions options) => Load(options, AnswerModel.Load(options.ModelPath));

    /// <summary>Loads the stories with an already loaded <paramref name="answerModel"/> (the trainer scores with models it is fitting).</summary>
    public static StoryKnowledge Load(KnowledgeOptions options, AnswerModel answerModel)
    {
        var semantic = options.Features.Semantic;
        var scorer = answerModel.Variant(semantic);
        var warming = semantic ? SemanticEncoder.WarmUpAsync() : Task.CompletedTask; // the model loads while the stories are analysed
        var stories = StoryLibrary.Load(options.StoryPath, options.Title, options.Source);
        var analyzer = StoryAnalyzer.ForIndex();
        var model = new StoryModel(stories, analyzer);
        var synonyms = SynonymTable.LoadDefault(new StoryAnalyzer(Lucene.Net.Analysis.Util.CharArraySet.Empty, stem: true));
        if (options.Features.Aliases)
        {
            model.LinkRolePhrases(synonyms.Phrases(), analyzer);
        }

        // The hash covers the stories and everything derived into the index (aliases, context, tags), so a
        // changed story or a changed analysis both rebuild it.
        var documents = model.Documents();
        var hash = StoryParser.Hash(string.Join("|", stories.Select(s => s.Id + "=" + s.ContentHash))
            + string.Concat(documents.Select(d => d.Alias + "\u0001" + d.Context + "\u0001" + string.Join(",", d.Tags)))
            + (semantic ? "|" + SemanticEncoder.ModelId + "|" + SemanticEncoder.QueryPrefix : string.Empty));
        warming.GetAwaiter().GetResult();
        var encoder = semantic ? SemanticEncoder.Shared : null;
        var index = SentenceIndex.Open(options.IndexPath, documents, hash, options.ForceRebuild, encoder is null ? null : encoder.EncodePassages);
        return new StoryKnowledge(options, model, index, synonyms, scorer, answerModel.Span, encoder);
    }

    public IReadOnlyList<Story> Stories => _model.Stories;

    public StoryModel Model => _model;

    public SentenceIndex Index => _index;

    /// <summary>The calibrated probability below which the bot declines: the model's fitted one unless overridden.</summary>
    public double ConfidenceThreshold { get; }

    /// <summary>The semantic model in use: null when answering is lexical-only.</summary>
    public SemanticEncoder? Encoder => _encoder;

    /// <summary>Questions to offer on welcome, help and declines, derived from the loaded stories.</summary>
    public IReadOnlyList<string> StarterQuestions { get; }

    /// <summary>The story title to show (the first story's, or a count when there are several).</summary>
    public string DisplayTitle => Stories.Count == 1 ? Stories[0].Title : $"{Stories.Count} stories";

    /// <summary>The source line shown with <see cref="DisplayTitle"/>: the story's source, or every story's title.</summary>
    public string DisplaySource => Stories.Count == 1 ? Stories[0].Source : string.Join("; ", Stories.Select(s => s.Title));

    /// <summary>Answers one message, updating <paramref name="memory"/>.</summary>
    public KnowledgeReply Respond(string text, ConversationMemory memory)
    {
        memory.Turns++;
        var question = _questions.Analyze(text ?? string.Empty);
        var smalltalkText = SmalltalkText(question);
        var smalltalkVector = smalltalkText is null ? null : _queryVectors.GetOrAdd(smalltalkText, _encoder!.EncodeQuery);
        var (intent, offTopic) = IntentOf(question, smalltalkVector);
        switch (intent)
        {
            case Intent.Greeting:
                return Smalltalk(ReplyKind.Greeting);
            case Intent.Help:
                return Smalltalk(ReplyKind.Help);
            case Intent.About:
                return Smalltalk(ReplyKind.About);
            case Intent.Thanks:
                return Smalltalk(ReplyKind.Thanks);
            case Intent.Goodbye:
                return Smalltalk(ReplyKind.Goodbye);
            case Intent.Reset:
                memory.Clear();
                return Smalltalk(ReplyKind.Reset);
            case Intent.Summary:
                return Summary(memory);
            case Intent.More:
                return More(memory);
            case Intent.Source:
                return Source(memory);
            case Intent.Acknowledge:
                return Acknowledgement(memory);
            default:
                return offTopic ? OffTopic(question) : Answer(question, memory, QueryVector(question, memory, (smalltalkText, smalltalkVector)));
        }
    }

    /// <summary>
    /// The question's embedding, when the semantic signal is on and the rules take the message for a question (smalltalk
    /// they recognise costs no embedding). A follow-up
    /// ("what did she say about it?") is embedded with what it refers back to: the people and topic of the last answer.
    /// </summary>
    /// <param name="embedded">A text this turn has already embedded (the smalltalk check's): when it is the same text it is
    /// not embedded again, which matters where the cache is off or full (an embedding costs milliseconds).</param>
    private float[]? QueryVector(QuestionAnalysis question, ConversationMemory? memory = null, (string? Text, float[]? Vector) embedded = default)
    {
        if (_encoder is null || question.Intent != Intent.Question)
        {
            return null;
        }

        var text = SpeltRight(question);
        if (memory is not null && FollowsUp(question, memory))
        {
            var names = memory.LastEntities.Select(k => _model.Entities.FirstOrDefault(e => e.Key == k)?.Name).OfType<string>();
            text = $"{text} ({string.Join(", ", names.Concat(memory.LastTerms).Distinct())})";
        }

        return embedded is { Vector: { } vector } && string.Equals(embedded.Text, text, StringComparison.Ordinal)
            ? vector
            : _queryVectors.GetOrAdd(text, _encoder.EncodeQuery);
    }

    /// <summary>The message with its misspelt words spelt right ("trmup" → trump), as the embedding model reads it.</summary>
    private static string SpeltRight(QuestionAnalysis question) => SpeltRight(question.Text, question);

    /// <summary><paramref name="text"/> (the message, or a rewriting of it) with the question's misspelt words spelt right.</summary>
    private static string SpeltRight(string text, QuestionAnalysis question)
    {
        foreach (var (typo, fix) in question.TypoFixes)
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, @"\b" + System.Text.RegularExpressions.Regex.Escape(typo) + @"\b", fix, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        }

        return text;
    }

    /// <summary>
    /// The embedding the smalltalk check compares with its examples: the message alone (never what a follow-up carries,
    /// which would pull "lol" after an answer towards the story), spelt right and with chat shorthand written out
    /// ("who r u" → who are you, "dunno what to ask lol" → don't know what to ask), as the examples are written.
    /// Null when the rules already know the message is not a question, or the semantic signal is off.
    /// </summary>
    private float[]? SmalltalkVector(QuestionAnalysis question) =>
        SmalltalkText(question) is { } text ? _queryVectors.GetOrAdd(text, _encoder!.EncodeQuery) : null;

    /// <summary>The text <see cref="SmalltalkVector"/> embeds, or null when it embeds nothing.</summary>
    /// <remarks>Chat spelling comes before the story's typo fixes: "helo" alone is hello, not the story's "help".</remarks>
    private string? SmalltalkText(QuestionAnalysis question) =>
        _encoder is null || question.Intent != Intent.Question ? null : SpeltRight(Slang.ForEmbedding(question.Text), question);

    /// <summary>
    /// Whether a question leans on the conversation: a pronoun, or no topic of its own ("why?"; one word of its own,
    /// "hows the traffic", is a new question: carried over, the last topic outranked it); but not a message that
    /// neither asks nor names anything the story says ("this is dumb", "huh"): it would be answered with the last topic.
    /// </summary>
    private bool FollowsUp(QuestionAnalysis question, ConversationMemory memory) =>
        _options.Features.FollowUps && memory.LastStoryId is not null && (question.Anaphora != Anaphora.None || question.Concepts.Count == 0)
        && (question.Asks || question.Concepts.Any(StorySays));

    // Whether the story uses the concept's word in a close form (itself, an inflection, a close synonym, a typo's fix),
    // not only through a loose relation.
    private bool StorySays(QueryConcept concept)
    {
        foreach (var alternative in concept.Alternatives)
        {
            if (alternative.Weight >= CloseForm && alternative.Stems.All(s => _model.DocumentFrequency(s) > 0))
            {
                return true;
            }
        }

        return false;
    }

    // The weight from which an alternative is a close form of the word (synonyms 0.75, derived forms 0.8, typo fixes 0.8).
    private const float CloseForm = 0.75f;

    /// <summary>
    /// The rules' intent, unless a message they take for a question is closest to a smalltalk example; and whether it is
    /// an off-topic question ("can u recommend a good pizza place"): nearer the off-topic examples than any sentence of
    /// the story by the same margin, it is declined without scoring the story's sentences, whose best match would be
    /// a sentence that shares a stray word ("good").
    /// </summary>
    private (Intent Intent, bool OffTopic) IntentOf(QuestionAnalysis question, float[]? vector)
    {
        if (question.Intent != Intent.Question || vector is null || _smalltalk is null || _scorer.IntentMargin is not { } margin)
        {
            return (question.Intent, false);
        }

        var (intent, lead) = SmalltalkLead(vector, question.Type);
        if (lead < margin || (intent == Intent.About && !WordLists.BotReference.IsMatch(question.Text)))
        {
            return (Intent.Question, false); // a question about the bot says "you" or "bot": "what does the company make" does not
        }

        return (intent, intent == Intent.Question);
    }

    /// <summary>The intents a question asking for a place, time, number, reason or name may still be (<see cref="SmalltalkLead(float[], QuestionType)"/>).</summary>
    private static bool Asking(Intent intent) => intent is not (Intent.Greeting or Intent.Thanks or Intent.Goodbye or Intent.Acknowledge);

    /// <summary>The decline of an off-topic question: the story is not about it, so no passage of it is offered.</summary>
    private KnowledgeReply OffTopic(QuestionAnalysis question) => new()
    {
        Kind = ReplyKind.NoAnswer,
        Question = question.Text,
        Suggestions = StarterQuestions,
    };

    /// <summary>
    /// The nearest smalltalk example and how much closer it is than the best story sentence: a message about the
    /// story is near some sentence of it, "heyyy whats up" is near a greeting and far from every sentence. A question
    /// that asks for a place, time, number, reason or name ("where can i get good sushi around here") is not a greeting,
    /// thanks, goodbye or acknowledgement, however many of those examples share its words.
    /// </summary>
    private (Intent Intent, double Lead) SmalltalkLead(float[] vector, QuestionType type)
    {
        var (intent, similarity) = _smalltalk!.Nearest(vector, type is QuestionType.Where or QuestionType.When or QuestionType.HowMany or QuestionType.HowMuch
            or QuestionType.HowLong or QuestionType.HowOld or QuestionType.Why or QuestionType.Name ? Asking : null);
        return (intent, similarity - _selector.BestCosine(vector));
    }

    /// <summary>
    /// The smalltalk lead of a message the rules take for a question (for the trainer's intent margin), else null; null
    /// too when its nearest examples are off-topic questions, which no margin turns into smalltalk (<see cref="IntentOf"/>),
    /// so "any good stretches for back pain" does not hold the margin up against "any suggestions?".
    /// </summary>
    internal double? SmalltalkLead(string text)
    {
        var question = _questions.Analyze(text);
        return SmalltalkVector(question) is { } vector && _smalltalk is not null && SmalltalkLead(vector, question.Type) is { Intent: not Intent.Question } lead ? lead.Lead : null;
    }

    private KnowledgeReply Smalltalk(ReplyKind kind) => new() { Kind = kind, Suggestions = StarterQuestions };

    /// <summary>"ok", "lol", "interesting": an invitation to ask more; after an answer "tell me more" is the first suggestion.</summary>
    private KnowledgeReply Acknowledgement(ConversationMemory memory) => new()
    {
        Kind = ReplyKind.Acknowledge,
        Suggestions = memory.LastStoryId is null ? StarterQuestions : new[] { SuggestionGenerator.MoreQuestion }.Concat(StarterQuestions).Take(3).ToList(),
    };

    private KnowledgeReply Summary(ConversationMemory memory)
    {
        var ledes = Stories.Select(s => Cite(_model.Profile(s.Id, 1)!, null)).ToList();
        Remember(memory, _model.Profile(Stories[0].Id, 1)!, new List<string>(), new List<string>());
        return new KnowledgeReply
        {
            Kind = ReplyKind.Summary,
            Answered = true,
            Confidence = 1,
            Citations = ledes,
            Suggestions = new[] { SuggestionGenerator.MoreQuestion }.Concat(StarterQuestions.Where(q => q != SuggestionGenerator.SummaryQuestion)).Take(3).ToList(),
        };
    }

    private KnowledgeReply More(ConversationMemory memory)
    {
        var storyId = memory.LastStoryId ?? Stories[0].Id;
        var next = _model.Profile(storyId, memory.LastStoryId is null ? 1 : memory.LastSentence + 1);
        if (next is null)
        {
            return new KnowledgeReply { Kind = ReplyKind.More, NothingToCite = true, Suggestions = StarterQuestions };
        }

        memory.LastStoryId = storyId;
        memory.LastSentence = next.Sentence.Number;
        return new KnowledgeReply
        {
            Kind = ReplyKind.More,
            Answered = true,
            Confidence = 1,
            Citations = new[] { Cite(next, null) },
            Suggestions = SuggestionGenerator.AfterAnswer(next, new HashSet<string>()),
        };
    }

    private KnowledgeReply Source(ConversationMemory memory)
    {
        var last = memory.LastStoryId is null ? null : _model.Profile(memory.LastStoryId, memory.LastSentence);
        if (last is null)
        {
            return new KnowledgeReply { Kind = ReplyKind.Source, NothingToCite = true, Suggestions = StarterQuestions };
        }

        return new KnowledgeReply
        {
            Kind = ReplyKind.Source,
            Answered = true,
            Confidence = 1,
            Citations = new[] { Cite(last, null) },
            Suggestions = new[] { SuggestionGenerator.MoreQuestion }.Concat(StarterQuestions).Take(3).ToList(),
        };
    }

    /// <summary>
    /// Every candidate for <paramref name="text"/> with its features, as the bot would rank it after the turns already in
    /// <paramref name="memory"/>; null when the intent rules say the message is not a question. For the trainer.
    /// </summary>
    public IReadOnlyList<ScoredSentence>? Candidates(string text, ConversationMemory memory)
    {
        var question = _questions.Analyze(text);
        if (question.Intent != Intent.Question)
        {
            return null; // the rules' smalltalk; the nearest-example check is the trainer's to fit, so it is not applied here
        }

        var vector = QueryVector(question, memory);
        var concepts = ConceptsOf(question, memory);
        return _selector.Rank(question, concepts, memory, _selector.RoleHolders(question, concepts), vector);
    }

    private List<QueryConcept> ConceptsOf(QuestionAnalysis question, ConversationMemory memory)
    {
        var concepts = question.Concepts.ToList();
        if (FollowsUp(question, memory))
        {
            concepts.AddRange(CarriedConcepts(question, memory));
        }

        return concepts;
    }

    private KnowledgeReply Answer(QuestionAnalysis question, ConversationMemory memory, float[]? vector)
    {
        var concepts = ConceptsOf(question, memory);
        var roleHolders = _selector.RoleHolders(question, concepts);
        var ranked = _selector.Rank(question, concepts, memory, roleHolders, vector);
        var questionWords = QuestionWords(concepts);
        var best = ranked.Count > 0 ? ranked[0] : null;
        if (best is null || best.Confidence < ConfidenceThreshold)
        {
            return new KnowledgeReply
            {
                Kind = ReplyKind.NoAnswer,
                Confidence = best?.Confidence ?? 0,
                Question = question.Text,
                Related = ranked.Take(1).Where(r => r.Coverage > 0.2).Select(r => Cite(r.Profile, null)).ToList(),
                Suggestions = StarterQuestions,
            };
        }

        var span = ChooseSpan(SpanQuestionOf(question, concepts, roleHolders, questionWords), best.Profile);
        var entities = PeopleNamed(concepts);
        if (question.Type == QuestionType.Who && span is { } answered
            && best.Profile.Mentions.FirstOrDefault(m => m.Entity.Kind == EntityKind.Person && m.Start <= answered.Start && answered.Start < m.End) is { Entity: not null } answerPerson)
        {
            // "who did Trump fire?" → "when was he fired?": "he" is most likely the answer, then the question's people
            entities.Remove(answerPerson.Entity.Key);
            entities.Insert(0, answerPerson.Entity.Key);
        }
        if (entities.Count == 0)
        {
            entities = best.Profile.Mentions.Where(m => m.Entity.Kind == EntityKind.Person).Select(m => m.Entity.Key).Take(1).ToList();
        }

        // Carry forward only what the cited sentence is actually about: words it does not contain would mislead a follow-up.
        var topic = TopicOf(concepts, best.Profile);
        Remember(memory, best.Profile, topic, entities);
        return new KnowledgeReply
        {
            Kind = ReplyKind.Answer,
            Answered = true,
            Confidence = Math.Round(best.Confidence, 3),
            Question = question.Text,
            Citations = new[] { Cite(best.Profile, span) },
            RunnerUp = ranked.Count > 1 ? Cite(ranked[1].Profile, null) : null,
            RunnerUpConfidence = ranked.Count > 1 ? Math.Round(ranked[1].Confidence, 3) : 0,
            Suggestions = SuggestionGenerator.AfterAnswer(best.Profile, questionWords),
        };
    }

    /// <summary>What finding the answer inside a sentence needs to know about <paramref name="question"/>.</summary>
    private SpanQuestion SpanQuestionOf(QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts, HashSet<string> roleHolders, IReadOnlySet<string> questionWords)
    {
        if (question.TypoFixes.Count > 0)
        {
            // "who did trupm fire?" says Trump: the answer is someone else
            questionWords = questionWords.Concat(question.TypoFixes.Values.Select(EntityExtractor.NameKey)).ToHashSet(StringComparer.Ordinal);
        }

        // the question's words and the people it excludes: the words themselves when it excludes nobody (read-only sets)
        var saidOrExcluded = questionWords;
        if (!question.Copular && roleHolders.Count > 0)
        {
            var words = new HashSet<string>(questionWords, StringComparer.Ordinal);
            words.UnionWith(roleHolders);
            saidOrExcluded = words;
        }

        var stems = AnswerSelector.StemsOf(concepts.Where(c => !c.Carried).Select(c => c.Alternatives));

        return new SpanQuestion(
            question,
            saidOrExcluded,
            questionWords,
            stems,
            AnswerSelector.CountedStems(question, concepts) ?? (question.NamedNoun is null ? null : new HashSet<string> { question.NamedNoun }),
            question.DefinitionSubject is { } subject ? _model.Person(subject) : null,
            // "who is the fbi director" and "who runs the fbi" prefer whoever holds the role the question says
            question.Copular ? roleHolders : question.SubjectVerb is { } verb ? _selector.RoleHolders(concepts.Where(c => AnswerSelector.HasWord(c.Surface, verb))) : null,
            question.PassiveVerb is { } passive ? VerbStems(concepts, passive) : null);
    }

    /// <summary>Every way the question's concept holding <paramref name="verb"/> may be said ("canned" → can, fire, sack, …), as stems.</summary>
    private static HashSet<string> VerbStems(IReadOnlyList<QueryConcept> concepts, string verb)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            if (concept.Carried || !AnswerSelector.HasWord(concept.Surface, verb))
            {
                continue;
            }

            foreach (var alternative in concept.Alternatives)
            {
                // a one-word way of saying it: the verb itself, not a phrase ("get canned") whose first word is an auxiliary
                if (alternative.Stems.Length == 1)
                {
                    stems.Add(alternative.Stems[0]);
                }
            }
        }

        return stems;
    }

    /// <summary>The answer to show in bold: the span model's best candidate (the type rules' pick before one is fitted).</summary>
    private (string Text, int Start)? ChooseSpan(SpanQuestion question, SentenceProfile profile)
    {
        var text = profile.Sentence.Text;
        if (_span is null)
        {
            return SpanFinder.Locate(question, profile) is { } rule ? (text.Substring(rule.Start, rule.Length).Trim(), rule.Start) : null;
        }

        return SpanCandidates.Best(question, profile, _span) is { } best ? (text.Substring(best.Start, best.Length), best.Start) : null;
    }

    /// <summary>
    /// The candidate answer spans of <paramref name="profile"/>'s sentence for <paramref name="text"/>, as the bot would
    /// see them after the turns in <paramref name="memory"/>; null when the message is not a question. For the trainer.
    /// </summary>
    public IReadOnlyList<SpanCandidate>? SpanCandidatesFor(string text, ConversationMemory memory, SentenceProfile profile) =>
        SpanQuestionFor(text, memory) is { } question ? SpanCandidates.Of(question, profile) : null;

    /// <summary>What finding the answer inside a sentence needs to know about <paramref name="text"/> after the turns in <paramref name="memory"/>; null when it is not a question.</summary>
    public SpanQuestion? SpanQuestionFor(string text, ConversationMemory memory)
    {
        var question = _questions.Analyze(text);
        if (question.Intent != Intent.Question)
        {
            return null;
        }

        var concepts = ConceptsOf(question, memory);
        return SpanQuestionOf(question, concepts, _selector.RoleHolders(question, concepts), QuestionWords(concepts));
    }

    /// <summary>A human-readable trace of how a question was understood and scored: each feature and its contribution.</summary>
    public string Explain(string text, ConversationMemory? memory = null)
    {
        memory ??= new ConversationMemory();
        var question = _questions.Analyze(text);
        var vector = QueryVector(question, memory);
        var smalltalkVector = SmalltalkVector(question);
        var concepts = ConceptsOf(question, memory);
        var sb = new System.Text.StringBuilder();
        var (explainedIntent, offTopicQuestion) = IntentOf(question, smalltalkVector);
        sb.AppendLine($"intent={explainedIntent}{(offTopicQuestion ? " (off-topic: declined)" : "")} (rules: {question.Intent}) type={question.Type} counted={question.CountedNoun} which={question.WhichNoun} name={question.NamedNoun} definition={question.DefinitionSubject} verb={question.SubjectVerb} passive={question.PassiveVerb} anaphora={question.Anaphora} asks={question.Asks}");
        if (smalltalkVector is not null && _smalltalk is not null)
        {
            var (nearest, lead) = SmalltalkLead(smalltalkVector, question.Type);
            sb.AppendLine($"  nearest smalltalk example: {nearest}, {lead:+0.000;-0.000} closer than the best story sentence (smalltalk from {_scorer.IntentMargin:+0.000;-0.000})");
            sb.AppendLine("    nearest examples: " + string.Join("; ", _smalltalk.NearestExamples(smalltalkVector, 3).Select(e => $"{e.Intent} \"{e.Text}\" {e.Similarity:0.000}")));
        }

        foreach (var (surface, owner) in question.Possessors)
        {
            sb.AppendLine($"  possessor: {owner}'s {surface}");
        }

        foreach (var c in concepts)
        {
            sb.AppendLine($"  concept '{c.Surface}'{(c.Carried ? " (carried " + c.UserWeight + ")" : string.Empty)}: " + string.Join(", ", c.Alternatives.Select(a => $"{a.Key}({a.Weight:0.00},df={a.Stems.Min(_model.DocumentFrequency)})")));
        }

        sb.AppendLine($"  scorer: {(vector is null ? "lexical-only" : "semantic")} variant; answers at confidence ≥ {ConfidenceThreshold:0.000}");
        static string Terms(IReadOnlyList<string?> names, double[] values, LinearModel model) => string.Join("  ", names
            .Select((name, i) => (name, value: values[i], contribution: model.Contribution(values, i)))
            .Where(f => f.name is not null && Math.Abs(f.contribution) >= 0.005)
            .OrderByDescending(f => Math.Abs(f.contribution))
            .Select(f => $"{f.name}={f.value:0.###} ({f.contribution:+0.00;-0.00})"));
        var ranked = _selector.Rank(question, concepts, memory, null, vector);
        foreach (var r in ranked.Take(5))
        {
            sb.AppendLine($"  #{r.Profile.Sentence.Number} rank score={r.Score:+0.000;-0.000} confidence={r.Confidence:0.000} | {r.Profile.Sentence.Text[..Math.Min(90, r.Profile.Sentence.Text.Length)]}");
            sb.AppendLine("      rank:       " + Terms(AnswerFeatures.Names, r.Features, _scorer.Ranker));
            sb.AppendLine($"      confidence: bias {_scorer.Calibrator.Bias:+0.00;-0.00}  " + Terms(AnswerFeatures.ConfidenceNames, r.ConfidenceInputs, _scorer.Calibrator));
        }

        if (ranked.Count > 0 && _span is not null)
        {
            var spanQuestion = SpanQuestionOf(question, concepts, _selector.RoleHolders(question, concepts), QuestionWords(concepts));
            var spanClass = SpanFeatures.Classes[spanQuestion.Class];
            sb.AppendLine($"  bold span in #{ranked[0].Profile.Sentence.Number} ({spanClass} question, asks for: {spanQuestion.Asked}), best candidates:");
            foreach (var c in SpanCandidates.Of(spanQuestion, ranked[0].Profile).OrderByDescending(c => _span.Score(c.Features)).Take(5))
            {
                // the other classes' weights add the same to every candidate of this question, so only this class's are shown
                var own = SpanFeatures.Names.Select(n => n.StartsWith(spanClass + ".", StringComparison.Ordinal) ? n : null).ToList();
                sb.AppendLine($"    {_span.Score(c.Features):+0.00;-0.00} \"{c.Text}\"  " + Terms(own, c.Features, _span));
            }
        }

        return sb.ToString();
    }

    private IEnumerable<QueryConcept> CarriedConcepts(QuestionAnalysis question, ConversationMemory memory)
    {
        var own = question.Concepts.Select(c => c.Surface).ToHashSet(StringComparer.Ordinal);
        if (question.Anaphora.HasFlag(Anaphora.Person))
        {
            foreach (var key in memory.LastEntities)
            {
                var entity = _model.Entities.FirstOrDefault(e => e.Key == key);
                if (entity is not null && !own.Contains(key))
                {
                    yield return _questions.EntityConcept(entity, 1f);
                }
            }
        }

        if (question.Anaphora.HasFlag(Anaphora.Thing) || question.Concepts.Count == 0 || !question.Anaphora.HasFlag(Anaphora.Person))
        {
            var previous = _questions.Analyze(string.Join(' ', memory.LastTerms));
            var asPeople = question.Anaphora.HasFlag(Anaphora.Person);
            foreach (var concept in previous.Concepts.Where(c => !own.Contains(c.Surface) && !(asPeople && memory.LastEntities.Contains(EntityExtractor.NameKey(c.Surface)))))
            {
                yield return concept.WithWeight(0.75f, carried: true); // the pronoun stands for the earlier topic
            }
        }
    }

    // The name keys of the concepts' words; a loop, and a one-word surface is not split (it runs on every answer).
    private static HashSet<string> QuestionWords(List<QueryConcept> concepts)
    {
        var words = new HashSet<string>(concepts.Count, StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            if (!concept.Surface.Contains(' '))
            {
                words.Add(EntityExtractor.NameKey(concept.Surface));
                continue;
            }

            foreach (var word in concept.Surface.Split(' '))
            {
                words.Add(EntityExtractor.NameKey(word));
            }
        }

        return words;
    }

    /// <summary>The people the concepts' words name (name keys, first mention first); a loop, as it runs on every answer.</summary>
    private List<string> PeopleNamed(List<QueryConcept> concepts)
    {
        var people = new List<string>();
        foreach (var concept in concepts)
        {
            foreach (var word in concept.Surface.Split(' '))
            {
                var key = EntityExtractor.NameKey(word);
                if (_model.Person(key) is not null && !people.Contains(key))
                {
                    people.Add(key);
                }
            }
        }

        return people;
    }

    /// <summary>The surfaces of the concepts <paramref name="cited"/> says in some wording (its own terms or aliases), each once.</summary>
    private static List<string> TopicOf(List<QueryConcept> concepts, SentenceProfile cited)
    {
        var topic = new List<string>();
        foreach (var concept in concepts)
        {
            if (!topic.Contains(concept.Surface) && Says(cited, concept))
            {
                topic.Add(concept.Surface);
            }
        }

        return topic;

        static bool Says(SentenceProfile profile, QueryConcept concept)
        {
            var alternatives = concept.Alternatives;
            for (var a = 0; a < alternatives.Count; a++)
            {
                var all = true;
                foreach (var stem in alternatives[a].Stems)
                {
                    if (!profile.Terms.Contains(stem) && !profile.AliasTerms.ContainsKey(stem))
                    {
                        all = false;
                        break;
                    }
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static void Remember(ConversationMemory memory, SentenceProfile cited, List<string> terms, List<string> entities)
    {
        memory.LastStoryId = cited.Sentence.StoryId;
        memory.LastSentence = cited.Sentence.Number;
        memory.LastTerms = terms;
        if (entities.Count > 0)
        {
            memory.LastEntities = entities;
        }
    }

    private Citation Cite(SentenceProfile profile, (string Text, int Start)? span)
    {
        var story = _model.Story(profile.Sentence.StoryId);
        return new Citation(story.Id, story.Title, story.Source, profile.Sentence.Paragraph, profile.Sentence.Number, profile.Sentence.Text, span?.Text, span?.Start ?? -1);
    }

    private IReadOnlyList<string> BuildStarters()
    {
        var starters = new List<string> { SuggestionGenerator.SummaryQuestion };
        foreach (var candidate in SuggestionGenerator.PeopleQuestions(_model))
        {
            if (starters.Count >= 3)
            {
                break;
            }

            var question = _questions.Analyze(candidate);
            var reply = Answer(question, new ConversationMemory(), QueryVector(question));
            if (reply.Answered)
            {
                starters.Add(candidate);
            }
        }

        return starters;
    }

    public void Dispose() => _index.Dispose();
}
