using Lucene.Net.Index;
using Lucene.Net.Search;
using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Understanding;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// Picks the sentence that answers a question. Two retrievers propose candidates: Lucene (BM25 over the
/// stemmed, alias and context fields, queried with the question's concepts) and, when the index holds sentence
/// embeddings, the semantic retriever (cosine to the question's embedding). Each candidate is described by
/// named <see cref="AnswerFeatures"/> (coverage, both retrievers' scores and ranks, answer type, roles,
/// follow-up, position …) and scored by the fitted <see cref="ScorerWeights"/>; the top score, calibrated, is
/// the confidence that decides between answering and declining.
/// </summary>
public sealed partial class AnswerSelector
{
    private const int Candidates = 8;
    private const int SemanticCandidates = 8;
    private const int WordCandidates = 50;

    // The index's own analysis of the sentence field; Lucene analysers are safe to share across threads.
    private static readonly StoryAnalyzer WordAnalyzer = StoryAnalyzer.ForIndex();

    // The same analysis from the question's exact terms, which understanding already has.
    private static readonly IndexTermCache WordTerms = new(WordAnalyzer);
    private const int MaxQueryAlternatives = 2;

    private readonly StoryModel _model;
    private readonly SentenceIndex _index;
    private readonly KnowledgeFeatures _features;
    private readonly ScorerWeights _scorer;

    /// <summary>
    /// The features that cost work of their own and are measured only when the model weighs them (or every feature is
    /// measured, for the trainer): otherwise they are 0 for every candidate, which changes no score.
    /// </summary>
    private readonly bool _measureWords, _measureSemanticRank, _measureWhichNoun, _measureRoleHolderNamed;

    public AnswerSelector(StoryModel model, SentenceIndex index, KnowledgeFeatures features, ScorerWeights scorer, bool measureEveryFeature = false)
    {
        _model = model;
        _index = index;
        _features = features;
        _scorer = scorer;
        _measureWords = measureEveryFeature || scorer.Weighs(AnswerFeatures.Words); // a second Lucene search
        _measureSemanticRank = measureEveryFeature || scorer.Weighs(AnswerFeatures.SemanticRank) || scorer.Weighs(AnswerFeatures.Agreement); // a count over the cosines
        _measureWhichNoun = measureEveryFeature || scorer.Weighs(AnswerFeatures.WhichNounMissing); // one more match per candidate
        _measureRoleHolderNamed = measureEveryFeature || scorer.Weighs(AnswerFeatures.NamesRoleHolder);
    }

    /// <summary>The fitted weights this selector scores with.</summary>
    public ScorerWeights Scorer => _scorer;

    /// <summary>Candidates for <paramref name="question"/> with <paramref name="concepts"/>, best first.</summary>
    /// <param name="queryVector">The question's embedding, or null in lexical-only mode.</param>
    public IReadOnlyList<ScoredSentence> Rank(QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts, ConversationMemory memory, HashSet<string>? roleHolders = null, float[]? queryVector = null)
    {
        // Only wordings some sentence uses can match; the rest are skipped once here, for the query and every candidate.
        var usable = UsableAlternatives(concepts);
        // The index's PreparedTermSearcher supplies every term's statistics and picks in-order scoring for
        // small indexes (out-of-order above ~1,000 sentences, where its bucket table pays off).
        var hits = concepts.Count == 0 ? Array.Empty<ScoreDoc>() : _index.Searcher.Search(BuildQuery(concepts, usable), Candidates).ScoreDocs;
        var vectors = queryVector is null ? null : _index.Vectors;
        float[]? cosines = null;
        Span<int> semanticTop = stackalloc int[SemanticCandidates];
        var semanticCount = 0;
        if (vectors is not null)
        {
            cosines = Cosines(queryVector!, vectors);
            semanticCount = SemanticOrder.Top(cosines, IsSentence, semanticTop);
        }

        var candidateDocs = new List<int>(hits.Length + semanticCount);
        foreach (var hit in hits)
        {
            if (!candidateDocs.Contains(hit.Doc))
            {
                candidateDocs.Add(hit.Doc);
            }
        }

        foreach (var doc in semanticTop[..semanticCount])
        {
            if (!candidateDocs.Contains(doc))
            {
                candidateDocs.Add(doc);
            }
        }

        if (candidateDocs.Count == 0)
        {
            return Array.Empty<ScoredSentence>();
        }

        var bestCosine = semanticCount > 0 ? cosines![semanticTop[0]] : 0;
        var words = _measureWords ? WordScores(question) : Array.Empty<ScoreDoc>(); // weighing nothing, it is 0 for every candidate
        var bestWords = 1f;
        if (words.Length > 0)
        {
            bestWords = words[0].Score;
            foreach (var hit in words)
            {
                bestWords = Math.Max(bestWords, hit.Score); // in the hits' order, as the dictionary's Values.Max() saw them
            }
        }
        var weights = new double[concepts.Count];
        var known = new bool[concepts.Count];
        double ownWeight = 0, unknownWeight = 0; // summed in the concepts' order, as Enumerable.Sum did
        for (var i = 0; i < concepts.Count; i++)
        {
            weights[i] = concepts[i].UserWeight * Idf(concepts[i]);
            known[i] = usable[i].Length > 0;
            ownWeight += concepts[i].Carried ? 0 : weights[i];
        }

        for (var i = 0; i < concepts.Count; i++)
        {
            unknownWeight += concepts[i].Carried || known[i] ? 0 : weights[i];
        }

        var unknownShare = ownWeight > 0 ? unknownWeight / ownWeight : 0;
        var askedUnknown = AskedIsUnknown(question, concepts, known);
        HashSet<string>? ownStems = null; // read only for a sentence that leaves a clause open
        var asksAboutAWish = AsksAboutAWish(question);
        var verbIndex = OwnConceptWith(concepts, question.SubjectVerb);
        var headIndex = OwnConceptWith(concepts, question.WhichNoun);
        var questionKeys = QuestionEntityKeys(concepts);
        var questionPeople = QuestionPeople(question, concepts);
        var typeWords = WordLists.TypeWords(question.Type);
        roleHolders ??= RoleHolders(question, concepts);
        var noHolder = question.Copular && question.Type == QuestionType.Who && roleHolders.Count == 0 && question.Possessors.Count > 0
            && RoleHolders(concepts).Count > 0;
        // only asked whether it contains a key: with no role holders to add, the question's keys themselves
        var notAnswers = question.Copular || roleHolders.Count == 0 ? questionKeys : new HashSet<string>(questionKeys, StringComparer.Ordinal);
        if (!question.Copular)
        {
            notAnswers.UnionWith(roleHolders);
        }
        var maxLexical = hits.Length > 0 ? hits[0].Score : 1;
        var asked = _features.AnswerTypes ? WhatIsAsked(question, concepts) : AskedFor.Nothing;
        var anyCarried = false;
        foreach (var concept in concepts)
        {
            anyCarried |= concept.Carried;
        }

        var ranked = new List<Scored>(candidateDocs.Count);
        foreach (var doc in candidateDocs)
        {
            var profile = ProfileOf(doc);
            if (profile is null)
            {
                continue;
            }

            var storyId = profile.Sentence.StoryId;
            var number = profile.Sentence.Number;
            var x = new double[AnswerFeatures.Names.Count];

            var typeSatisfied = _features.AnswerTypes ? TypeSatisfied(question, profile, notAnswers, asked) : null;
            var subjectEntity = question.DefinitionSubject is { } subject && profile.EntityKeys.Contains(subject) ? EntityOf(subject, storyId) : null;
            var definesSubject = subjectEntity is not null && subjectEntity.FirstSentence == number && subjectEntity.Title.Length > 0;
            double covered = 0, total = 0, ownCovered = 0, ownTotal = 0, missing = 0;
            for (var i = 0; i < concepts.Count; i++)
            {
                if (typeSatisfied == true && (typeWords.Contains(concepts[i].Surface) || (question.AsksForSpeech && WordLists.OpinionWords.Contains(concepts[i].Surface))))
                {
                    continue; // "cost" in a money question is answered by the amount itself
                }

                if (definesSubject && !concepts[i].Carried && !NamesPartOf(concepts[i], subjectEntity!))
                {
                    continue; // "what's Lindqvist's job": the title the sentence gives her is the job
                }

                var match = Match(concepts[i], usable[i], profile, question);
                total += weights[i];
                covered += weights[i] * match;
                if (!concepts[i].Carried && known[i])
                {
                    ownTotal += weights[i];
                    ownCovered += weights[i] * match;
                }

                if (!concepts[i].Carried && match == 0)
                {
                    missing = Math.Max(missing, weights[i]);
                }
            }

            var coverage = total > 0 ? covered / total : 0;
            if (ownTotal > 0 && anyCarried)
            {
                // In a follow-up the user's new words say what is asked; the carried topic only narrows it down.
                coverage = (coverage + (ownCovered / ownTotal)) / 2;
            }

            Set(x, AnswerFeatureSlots.Coverage, coverage);
            Set(x, AnswerFeatureSlots.MissingConcept, ownWeight > 0 ? missing / ownWeight : 0);
            Set(x, AnswerFeatureSlots.Words, LexicalOf(words, doc) is { Found: true } wordHit ? wordHit.Score / bestWords : 0);
            Set(x, AnswerFeatureSlots.UnknownShare, unknownShare);
            Set(x, AnswerFeatureSlots.AskedUnknown, _features.AnswerTypes && askedUnknown ? 1 : 0);
            var requested = asksAboutAWish ? null : profile.Cues.RequestedAt;
            if (_features.AnswerTypes && (profile.Cues.OpenAt is not null || requested is not null))
            {
                Set(x, AnswerFeatureSlots.LeftOpen, LeftOpenShare(ownStems ??= StemsOf(concepts.Select((c, i) => c.Carried ? Array.Empty<QueryAlternative>() : usable[i])), profile, profile.Cues.OpenAt, requested));
            }
            var lexical = LexicalOf(hits, doc);
            if (lexical.Found)
            {
                Set(x, AnswerFeatureSlots.Lexical, lexical.Score / maxLexical);
                Set(x, AnswerFeatureSlots.LexicalRank, 1.0 / (1 + lexical.Rank));
            }

            if (cosines is not null)
            {
                Set(x, AnswerFeatureSlots.Semantic, cosines[doc]);
                Set(x, AnswerFeatureSlots.SemanticGap, cosines[doc] - bestCosine);
                Set(x, AnswerFeatureSlots.SemanticBest, bestCosine);
                if (doc > 0 && _index.Locate(doc - 1) is var (previousStory, previousNumber) && previousStory == storyId && previousNumber == number - 1)
                {
                    Set(x, AnswerFeatureSlots.SemanticPrevious, cosines[doc - 1]);
                }
                if (_measureSemanticRank)
                {
                    var rank = SemanticOrder.RankOf(cosines, IsSentence, doc);
                    Set(x, AnswerFeatureSlots.SemanticRank, 1.0 / (1 + rank));
                    Set(x, AnswerFeatureSlots.Agreement, rank == 0 && lexical.Rank == 0 && lexical.Found ? 1 : 0);
                }
            }

            Set(x, AnswerFeatureSlots.TypeMatch, typeSatisfied == true ? 1 : 0);
            Set(x, AnswerFeatureSlots.TypeMismatch, typeSatisfied == false ? 1 : 0);
            Set(x, AnswerFeatureSlots.MismatchCovered, typeSatisfied == false ? coverage : 0);
            Set(x, AnswerFeatureSlots.NoRoleHolder, _features.Aliases && noHolder ? 1 : 0);
            Set(x, AnswerFeatureSlots.NamesRoleHolder, _measureRoleHolderNamed && _features.Aliases && question.Copular && question.Type == QuestionType.Who
                && NamesAny(profile, roleHolders, questionKeys) ? 1 : 0);
            Set(x, AnswerFeatureSlots.Reason, _features.AnswerTypes && question.Type == QuestionType.Why && profile.Cues.GivesReason ? 1 : 0);
            Set(x, AnswerFeatureSlots.PersonMissing, _features.Aliases && MissesAny(profile, questionPeople) ? 1 : 0);
            Set(x, AnswerFeatureSlots.VerbUnused, _features.AnswerTypes && verbIndex >= 0 && !known[verbIndex] ? 1 : 0);
            Set(x, AnswerFeatureSlots.WhichNounMissing, _measureWhichNoun && _features.AnswerTypes && headIndex >= 0 && question.Type is QuestionType.What or QuestionType.Other or QuestionType.YesNo
                && Match(concepts[headIndex], usable[headIndex], profile, question) < 0.4 ? 1 : 0);
            if (_features.FollowUps && anyCarried && memory.LastStoryId == storyId)
            {
                Set(x, AnswerFeatureSlots.FollowUpSame, memory.LastSentence == number ? 1 : 0);
                Set(x, AnswerFeatureSlots.FollowUpAdjacent, Math.Abs(memory.LastSentence - number) == 1 ? 1 : 0);
            }

            if (subjectEntity is not null)
            {
                Set(x, AnswerFeatureSlots.MentionsSubject, 1);
                Set(x, AnswerFeatureSlots.DefinesSubject, definesSubject ? 1 : 0);
            }
            else if (_features.Aliases && question.Copular && question.Type == QuestionType.Who && roleHolders.Count > 0)
            {
                // "who's russia's top diplomat?": the sentence that introduces the holder with the title ("Foreign Minister
                // Sergey Lavrov") defines him, as the first sentence with her title defines the subject of "who is Yates?"
                Set(x, AnswerFeatureSlots.DefinesSubject, IntroducesAny(roleHolders, storyId, number) ? 1 : 0);
            }

            Set(x, AnswerFeatureSlots.Lede, number == 1 ? 1 : 0);
            ranked.Add(new Scored(profile, _scorer.Ranker.Score(x), coverage, typeSatisfied, lexical.Score, x));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return Calibrate(ranked);
    }

    /// <summary>Per concept, its wordings that some sentence uses, in the concept's order (loops: this runs for every question).</summary>
    private QueryAlternative[][] UsableAlternatives(IReadOnlyList<QueryConcept> concepts)
    {
        var usable = new QueryAlternative[concepts.Count][];
        for (var c = 0; c < usable.Length; c++)
        {
            var alternatives = concepts[c].Alternatives;
            var count = 0;
            for (var a = 0; a < alternatives.Count; a++)
            {
                count += DocumentFrequency(alternatives[a]) > 0 ? 1 : 0;
            }

            var kept = count == 0 ? Array.Empty<QueryAlternative>() : new QueryAlternative[count];
            for (int a = 0, k = 0; k < count; a++)
            {
                if (DocumentFrequency(alternatives[a]) > 0)
                {
                    kept[k++] = alternatives[a];
                }
            }

            usable[c] = kept;
        }

        return usable;
    }

    /// <summary>Lucene's rank and score of <paramref name="doc"/> among <paramref name="hits"/> (a top few, so a scan beats a dictionary).</summary>
    private static (bool Found, int Rank, float Score) LexicalOf(ScoreDoc[] hits, int doc)
    {
        for (var r = hits.Length - 1; r >= 0; r--)
        {
            if (hits[r].Doc == doc)
            {
                return (true, r, hits[r].Score);
            }
        }

        return default;
    }

    /// <summary>
    /// Whether the noun the question asks for (which/what X, how many X, the name of the X), or the word a who-question
    /// asks about ("who will replace X"), is a concept of the user's own that no sentence uses in any wording. A noun
    /// that names a kind of answer ("what time", "what country") is answered by a value of that kind, not by the word,
    /// so it never counts.
    /// </summary>
    private static bool AskedIsUnknown(QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts, bool[] known)
    {
        foreach (var noun in new[] { question.WhichNoun, question.CountedNoun, question.NamedNoun, question.WhoAsksAbout })
        {
            if (noun is not null && !WordLists.IsTypeWord(noun) && OwnConceptWith(concepts, noun) is >= 0 and var i && !known[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Of the sentence's words the question says (<paramref name="stems"/>), the share in a clause the sentence leaves
    /// open (<see cref="SentenceCues.OpenAt"/>) or in what someone was asked to do (<see cref="SentenceCues.RequestedAt"/>,
    /// null when the question asks about the request itself).
    /// </summary>
    private static double LeftOpenShare(HashSet<string> stems, SentenceProfile profile, IReadOnlyList<bool>? open, IReadOnlyList<bool>? requested)
    {
        int said = 0, saidOpen = 0;
        for (var i = 0; i < profile.Tokens.Count; i++)
        {
            if (stems.Contains(profile.TokenStems[i]) || stems.Contains(profile.TokenNameKeys[i]))
            {
                said++;
                saidOpen += open?[i] == true || requested?[i] == true ? 1 : 0;
            }
        }

        return said > 0 ? (double)saidOpen / said : 0;
    }

    /// <summary>Whether the question asks about a request or a wish ("what is the union asking for"): then what was asked is the answer.</summary>
    private static bool AsksAboutAWish(QuestionAnalysis question)
    {
        foreach (var word in question.Normalized.Split(' '))
        {
            if (WordLists.AsksAboutAWish(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stems of every wording in <paramref name="alternatives"/> (per concept of the user's own).</summary>
    internal static HashSet<string> StemsOf(IEnumerable<IReadOnlyList<QueryAlternative>> alternatives)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concept in alternatives)
        {
            for (var a = 0; a < concept.Count; a++)
            {
                stems.UnionWith(concept[a].Stems);
            }
        }

        return stems;
    }

    /// <summary>The first concept of the user's own whose surface has <paramref name="word"/> as a word, or -1.</summary>
    private static int OwnConceptWith(IReadOnlyList<QueryConcept> concepts, string? word)
    {
        if (word is null)
        {
            return -1;
        }

        for (var i = 0; i < concepts.Count; i++)
        {
            if (!concepts[i].Carried && HasWord(concepts[i].Surface, word))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="word"/> is one of the space-separated words of <paramref name="surface"/>, as <c>Split(' ').Contains</c> says, without the array.</summary>
    internal static bool HasWord(string surface, string word)
    {
        foreach (var range in surface.AsSpan().Split(' '))
        {
            if (surface.AsSpan(range).SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The people the question's own words name (name keys, first mention first), except possessors ("Putin's diplomat").</summary>
    private List<string> QuestionPeople(QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts)
    {
        var people = new List<string>();
        foreach (var concept in concepts)
        {
            if (concept.Carried)
            {
                continue;
            }

            foreach (var word in concept.Surface.Split(' '))
            {
                var key = EntityExtractor.NameKey(word);
                if (_model.Person(key) is not null && !question.PossessorWords.Contains(key) && !people.Contains(key))
                {
                    people.Add(key);
                }
            }
        }

        return people;
    }

    /// <summary>Whether every word of <paramref name="concept"/> is part of <paramref name="entity"/>'s name ("karen", "lindqvist").</summary>
    private static bool NamesPartOf(QueryConcept concept, NamedEntity entity)
    {
        foreach (var word in concept.Surface.Split(' '))
        {
            if (!entity.NameKeys.Contains(EntityExtractor.NameKey(word)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sets the feature at <paramref name="slot"/> (<see cref="AnswerFeatureSlots"/>) of <paramref name="x"/>; static, so a candidate's vector needs no closure.</summary>
    private static void Set(double[] x, int slot, double value) => x[slot] = value;

    /// <summary>The sentence mentions one of <paramref name="holders"/> that the question does not name itself.</summary>
    private static bool NamesAny(SentenceProfile profile, HashSet<string> holders, HashSet<string> questionKeys)
    {
        var mentions = profile.Mentions;
        for (var i = 0; i < mentions.Count; i++)
        {
            var key = mentions[i].Entity.Key;
            if (holders.Contains(key) && !questionKeys.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Some person of <paramref name="people"/> is not mentioned by the sentence.</summary>
    private static bool MissesAny(SentenceProfile profile, List<string> people)
    {
        foreach (var person in people)
        {
            if (!profile.EntityKeys.Contains(person))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether sentence <paramref name="number"/> of <paramref name="storyId"/> first names one of <paramref name="keys"/> with a title.</summary>
    private bool IntroducesAny(IReadOnlySet<string> keys, string storyId, int number)
    {
        foreach (var key in keys)
        {
            if (EntityOf(key, storyId) is { } entity && entity.FirstSentence == number && entity.Title.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first entity keyed <paramref name="key"/> whose first sentence is in story <paramref name="storyId"/>, or null.</summary>
    private NamedEntity? EntityOf(string key, string storyId)
    {
        var entities = _model.Entities;
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            if (entity.Key == key && _model.Profile(storyId, entity.FirstSentence) is not null)
            {
                return entity;
            }
        }

        return null;
    }

    /// <summary>The best cosine of any sentence to <paramref name="queryVector"/> (0 without sentence vectors).</summary>
    public double BestCosine(float[] queryVector) =>
        _index.Vectors is { Length: > 0 } vectors ? Cosines(queryVector, vectors).Max() : 0;

    // The smalltalk check and the ranking of one turn both need the question's cosine to every sentence; the turn
    // runs on one thread, so the last result per thread is reused instead of computed twice (2,000 sentences at 100 stories).
    [ThreadStatic]
    private static (float[] Query, float[][] Sentences, float[] Cosines) _lastCosines;

    private float[] Cosines(float[] queryVector, float[][] vectors)
    {
        var last = _lastCosines;
        if (ReferenceEquals(last.Query, queryVector) && ReferenceEquals(last.Sentences, vectors))
        {
            return last.Cosines;
        }

        var cosines = new float[vectors.Length];
        _index.LaidOutVectors!.Cosines(queryVector, cosines); // present whenever Vectors is

        _lastCosines = (queryVector, vectors, cosines);
        return cosines;
    }

    /// <summary>Each candidate's confidence: the calibrator over its features, its softmax share and its lead over the best other.</summary>
    /// <remarks>Each candidate's <see cref="ScoredSentence"/> is made once, here, not made in ranking and copied with its confidence.</remarks>
    private List<ScoredSentence> Calibrate(List<Scored> ranked)
    {
        var calibrated = new List<ScoredSentence>(ranked.Count);
        if (ranked.Count == 0)
        {
            return calibrated;
        }

        var top = ranked[0].Score;
        var sum = 0.0;
        foreach (var r in ranked)
        {
            sum += Math.Exp(r.Score - top); // in order, as Enumerable.Sum added them
        }

        for (var i = 0; i < ranked.Count; i++)
        {
            var r = ranked[i];
            var inputs = ConfidenceInputs(r.Features, r.Score, Math.Exp(r.Score - top) / sum, r.Score - (i == 0 ? (ranked.Count > 1 ? ranked[1].Score : r.Score - 10) : top));
            calibrated.Add(new ScoredSentence(r.Profile, r.Score, _scorer.Confidence(inputs), r.Coverage, r.TypeSatisfied, r.LexicalScore, r.Features) { ConfidenceInputs = inputs });
        }

        return calibrated;
    }

    /// <summary>A candidate scored by the ranker, before calibration gives it a confidence.</summary>
    private readonly record struct Scored(SentenceProfile Profile, double Score, double Coverage, bool? TypeSatisfied, float LexicalScore, double[] Features);

    /// <summary>The calibrator's input vector (<see cref="AnswerFeatures.ConfidenceNames"/>).</summary>
    /// <remarks>A loop, not a LINQ projection: it runs for every candidate of every question.</remarks>
    public static double[] ConfidenceInputs(double[] features, double score, double probability, double margin)
    {
        var sources = AnswerFeatureSlots.ConfidenceSources;
        var inputs = new double[sources.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = sources[i] switch
            {
                AnswerFeatureSlots.RankScoreSource => score,
                AnswerFeatureSlots.RankProbabilitySource => probability,
                AnswerFeatureSlots.RankMarginSource => margin,
                var slot => features[slot],
            };
        }

        return inputs;
    }

    /// <summary>
    /// Plain BM25 of the question's words over the sentence field, best first (the <see cref="AnswerFeatures.Words"/>
    /// feature); the top hits themselves, looked up by a scan, rather than copied into a dictionary.
    /// </summary>
    private ScoreDoc[] WordScores(QuestionAnalysis question)
    {
        var query = new BooleanQuery();
        var terms = question.ExactTerms is { } exact && WordTerms.Of(exact) is { } known ? known : WordAnalyzer.Terms(question.Text);
        for (var i = 0; i < terms.Count; i++)
        {
            if (!EarlierHas(terms, i))
            {
                query.Add(new TermQuery(new Term(IndexFields.Body, terms[i])), Occur.SHOULD); // each term once, first first, as Distinct()
            }
        }

        return query.Clauses.Count == 0 ? Array.Empty<ScoreDoc>() : _index.Searcher.Search(query, WordCandidates).ScoreDocs;
    }

    private static bool EarlierHas(IReadOnlyList<string> terms, int i)
    {
        for (var j = 0; j < i; j++)
        {
            if (string.Equals(terms[j], terms[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Stems a number must count: the counted noun of a how-many question and the words that may stand for it.</summary>
    internal static IReadOnlySet<string>? CountedStems(QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts)
    {
        if (question.CountedNoun is { } noun && WordLists.TypeWords(QuestionType.HowMany).Contains(noun))
        {
            return null; // "how many things did they steal": any count, as for "how many"
        }

        if (question.CountedPhrase is null)
        {
            if (question.WhichNoun is { } which && WordLists.PercentWords.Contains(which))
            {
                return WordLists.PercentWords; // "what percent of flights": a percentage ("41%"), not any number
            }

            if (QuestionClassifier.DegreeAsked(question.Normalized) is { } degree)
            {
                // "how fast can it go": a number of miles per hour, knots …; "how big": any number
                return WordLists.DegreeUnits(degree) is { Count: > 0 } units ? units : null;
            }

            return NounStems(question.CountedNoun, concepts);
        }

        // any word of "how many cruise missiles hit": the number may count the missiles
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in question.CountedPhrase.Split(' ').SelectMany(w => w.Split(' ')))
        {
            stems.UnionWith(NounStems(word, concepts) ?? new HashSet<string>());
        }

        return stems;
    }

    /// <summary>What a money amount must stand beside: the measure's words, those that may stand for it, and its like ("make" → earn, wage).</summary>
    private static IReadOnlySet<string>? MeasureStems(string? measure, IReadOnlyList<QueryConcept> concepts)
    {
        if (NounStems(measure, concepts) is not { } stems)
        {
            return null;
        }

        var like = new HashSet<string>(stems, StringComparer.Ordinal);
        like.UnionWith(WordLists.MoneyMeasuresLike(measure!));
        return like;
    }

    private static IReadOnlySet<string>? NounStems(string? noun, IReadOnlyList<QueryConcept> concepts)
    {
        if (noun is null)
        {
            return null;
        }

        var concept = concepts.FirstOrDefault(c => c.Surface.Split(' ').Contains(noun));
        var stems = new HashSet<string>(StringComparer.Ordinal) { noun, noun.TrimEnd('s') };
        if (concept is not null)
        {
            foreach (var alternative in concept.Alternatives)
            {
                stems.Add(alternative.Stems[^1]);
            }
        }

        return stems;
    }

    /// <summary>The people <paramref name="question"/> refers to by role, with its possessors and its verb (<see cref="RoleHolders(IEnumerable{QueryConcept}, IReadOnlyDictionary{string, string}?, string?)"/>).</summary>
    internal HashSet<string> RoleHolders(QuestionAnalysis question, IEnumerable<QueryConcept> concepts) =>
        RoleHolders(concepts, question.Possessors, question.SubjectVerb);

    /// <summary>
    /// People the question refers to by role: a concept says their title ("the foreign minister" → Lavrov). Not the verb
    /// of "who &lt;verb&gt;s …" (<paramref name="subjectVerb"/>): in "who runs the museum" its wording "director" says what
    /// the answer is, not someone the question already names.
    /// </summary>
    internal HashSet<string> RoleHolders(IEnumerable<QueryConcept> concepts, IReadOnlyDictionary<string, string>? possessors = null, string? subjectVerb = null)
    {
        var holders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            if (concept.Carried || (subjectVerb is not null && HasWord(concept.Surface, subjectVerb)))
            {
                continue;
            }

            var alternatives = concept.Alternatives;
            for (var a = 0; a < alternatives.Count; a++)
            {
                // a role is said by title words ("foreign minister"), not by an organisation or place alone ("the FBI")
                var alternative = alternatives[a];
                if (alternative.Weight < 0.7f || !HasTitleWord(alternative.Stems))
                {
                    continue;
                }

                foreach (var key in _model.PeopleTitled(alternative.Stems))
                {
                    // "Russia's foreign minister" is not the US secretary of state
                    if (possessors is not null && possessors.TryGetValue(concept.Surface, out var owner) && !_model.SameCountry(owner, _model.Person(key)!))
                    {
                        continue;
                    }

                    holders.Add(key);
                }
            }
        }

        return holders;
    }

    /// <summary>Some stem is neither an entity's key nor a place: a loop, as it runs for every wording of every question.</summary>
    private bool HasTitleWord(string[] stems)
    {
        foreach (var stem in stems)
        {
            if (!_model.IsEntityKey(stem) && !KnownPlaces.IsPlaceOrDemonym(stem))
            {
                return true;
            }
        }

        return false;
    }

    internal static IReadOnlySet<string> QuestionWordSet(IEnumerable<QueryConcept> concepts) =>
        concepts.SelectMany(c => c.Surface.Split(' ')).Select(EntityExtractor.NameKey).ToHashSet(StringComparer.Ordinal);

    private SentenceProfile?[]? _byDoc;
    private bool[]? _isSentence;

    /// <summary>Per Lucene document, whether it is a story sentence (has a profile); built once, like <see cref="ProfileOf"/>'s table.</summary>
    private bool[] IsSentence => _isSentence ??= Enumerable.Range(0, _index.Reader.MaxDoc).Select(d => ProfileOf(d) is not null).ToArray();

    /// <summary>The profile of a Lucene document, from a table built once (the index never changes while open).</summary>
    private SentenceProfile? ProfileOf(int doc)
    {
        var table = _byDoc;
        if (table is null)
        {
            table = new SentenceProfile?[_index.Reader.MaxDoc];
            for (var d = 0; d < table.Length; d++)
            {
                var (storyId, number) = _index.Locate(d);
                table[d] = _model.Profile(storyId, number);
            }

            _byDoc = table;
        }

        return doc < table.Length ? table[doc] : null;
    }

    /// <param name="concepts">The question's concepts.</param>
    /// <param name="usable">Per concept, its wordings that some sentence uses, in the concept's order.</param>
    private Query BuildQuery(IReadOnlyList<QueryConcept> concepts, QueryAlternative[][] usable)
    {
        var query = new BooleanQuery();
        Span<int> strongest = stackalloc int[MaxQueryAlternatives];
        for (var c = 0; c < concepts.Count; c++)
        {
            var concept = concepts[c];
            var disjunction = new DisjunctionMaxQuery(0.1f) { Boost = concept.UserWeight };

            // Candidates only: the strongest few wordings that some sentence uses. Re-scoring then checks every
            // wording, alias and neighbour, so a smaller query costs far less and loses nothing.
            var count = Heaviest(usable[c], strongest);
            for (var k = 0; k < count; k++)
            {
                var alternative = usable[c][strongest[k]];
                if (alternative.Stems.Length == 1)
                {
                    var stem = alternative.Stems[0];
                    disjunction.Add(new TermQuery(new Term(IndexFields.Body, stem)) { Boost = alternative.Weight });
                    if (_features.Aliases && alternative.Weight >= 0.95f)
                    {
                        disjunction.Add(new TermQuery(new Term(IndexFields.Alias, stem)) { Boost = alternative.Weight * 0.8f });
                    }
                }
                else
                {
                    // all words of a phrase in one sentence (re-scoring checks the wording)
                    var phrase = new BooleanQuery { Boost = alternative.Weight };
                    foreach (var stem in alternative.Stems)
                    {
                        phrase.Add(new TermQuery(new Term(IndexFields.Body, stem)), Occur.MUST);
                    }

                    disjunction.Add(phrase);
                }
            }

            if (disjunction.Disjuncts.Count > 0)
            {
                query.Add(disjunction, Occur.SHOULD);
            }

            if (!concept.Carried && !concept.Surface.Contains(' '))
            {
                query.Add(new TermQuery(new Term(IndexFields.Exact, concept.Surface)) { Boost = 0.2f }, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>
    /// Fills <paramref name="into"/> with the indices of the heaviest <paramref name="alternatives"/>, heaviest first and
    /// earlier first among equal weights, and returns how many it filled: what a stable
    /// <c>OrderByDescending(a => a.Weight).Take(into.Length)</c> picks, without its sort buffers on every question.
    /// </summary>
    internal static int Heaviest(QueryAlternative[] alternatives, Span<int> into) => StableTop.Fill(new AlternativeWeights(alternatives), into);

    /// <summary>A concept's wordings keyed by weight, for <see cref="StableTop"/>.</summary>
    private readonly struct AlternativeWeights(QueryAlternative[] alternatives) : IOrderKeys
    {
        public int Count => alternatives.Length;

        public bool Includes(int i) => true;

        public float Key(int i) => alternatives[i].Weight;
    }

    /// <summary>How telling a concept is: the IDF of its rarest form that the stories use, or the maximum when none is used.</summary>
    private double Idf(QueryConcept concept)
    {
        var own = concept.Alternatives[0];
        var ownDf = DocumentFrequency(own);
        if (ownDf > 0)
        {
            return _model.Idf(ownDf);
        }

        var best = 0;
        foreach (var alternative in concept.Alternatives)
        {
            var df = DocumentFrequency(alternative);
            best = df > 0 && (best == 0 || df < best) ? df : best;
        }

        return _model.Idf(best); // never used in any wording: the highest weight, counted as missing
    }

    private int DocumentFrequency(QueryAlternative alternative)
    {
        var stems = alternative.Stems;
        var min = _model.DocumentFrequency(stems[0]);
        for (var i = 1; i < stems.Length; i++)
        {
            min = Math.Min(min, _model.DocumentFrequency(stems[i]));
        }

        return min;
    }

    private double Match(QueryConcept concept, QueryAlternative[] alternatives, SentenceProfile profile, QuestionAnalysis question)
    {
        question.Possessors.TryGetValue(concept.Surface, out var owner);
        var best = 0.0;
        foreach (var alternative in alternatives)
        {
            var field = 1.0;
            foreach (var stem in alternative.Stems)
            {
                double here;
                if (profile.Terms.Contains(stem))
                {
                    here = 1;
                }
                else if (_features.Aliases && profile.AliasTerms.TryGetValue(stem, out var aliasWeight))
                {
                    here = aliasWeight;
                }
                else if (_features.Context && profile.ContextTerms.Contains(stem))
                {
                    here = concept.Carried ? 0.6 : 0.3;
                }
                else
                {
                    here = 0;
                }

                field = Math.Min(field, here);
            }

            if (field <= 0)
            {
                continue;
            }

            if (owner is not null && field == 1 && profile.Possessors.TryGetValue(alternative.Stems[0], out var theirs) && !SameOwner(owner, theirs))
            {
                field = 0.15; // "America's top diplomat" is not "Putin's top diplomat"
            }

            best = Math.Max(best, field * alternative.Weight);
        }

        return best;
    }

    private bool SameOwner(string ours, string theirs)
    {
        if (ours == theirs || theirs is "his" or "her" or "its" or "their")
        {
            return true;
        }

        bool Equivalent(string a, string b) => a == b || KnownPlaces.Equivalents(a).Contains(b);
        bool Nationality(string person, string place) =>
            _model.Person(person) is { } p && p.Title.ToLowerInvariant().Split(' ').Any(w => Equivalent(w, place) || Equivalent(place, w));

        return Equivalent(ours, theirs) || Equivalent(theirs, ours) || Nationality(theirs, ours) || Nationality(ours, theirs);
    }

    private HashSet<string> QuestionEntityKeys(IReadOnlyList<QueryConcept> concepts)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concept in concepts.Where(c => !c.Carried))
        {
            foreach (var word in concept.Surface.Split(' '))
            {
                var key = EntityExtractor.NameKey(word);
                if (_model.IsEntityKey(key))
                {
                    keys.Add(key);
                }

                if (KnownPlaces.IsPlaceOrDemonym(word))
                {
                    keys.UnionWith(KnownPlaces.Equivalents(word));
                }
            }
        }

        return keys;
    }

    /// <summary>Whether the sentence holds what the question type asks for; null when the type asks for nothing in particular.</summary>
    private bool? TypeSatisfied(QuestionAnalysis question, SentenceProfile profile, HashSet<string> questionKeys, AskedFor asked)
    {
        if (asked.Dates is { } dates && TimeUnits.Contradicts(dates, profile.Sentence.Text))
        {
            return false; // dated otherwise: "the hearing on tuesday" against "a hearing on Monday"
        }

        return question.Type switch
        {
            // a partner can be a country ("who did Russia hash out a deal with?" → Iran and Turkey)
            QuestionType.Who when question.DefinitionSubject is null => NewEntity(profile, questionKeys, asked.QuestionWords, EntityKind.Person, EntityKind.Organization) || (!question.AsksForOne && NewGroup(profile, questionKeys, asked.QuestionWords))
                || ((question.Normalized.EndsWith(" with", StringComparison.Ordinal) || question.Normalized.Contains("with whom", StringComparison.Ordinal)) && NewEntity(profile, questionKeys, asked.QuestionWords, EntityKind.Place, EntityKind.Place)),
            QuestionType.When => profile.Tags.HasFlag(AnswerTags.Time),
            QuestionType.Where => LocatedPlace(question, profile, questionKeys),
            QuestionType.HowMany => SpanFinder.CountFor(profile, asked.CountedStems, strict: true, given: asked.GivenNumbers, moneyCounts: asked.MoneyCounts) is not null && RateStated(profile, asked),
            QuestionType.Name => SpanFinder.NameNear(profile, asked.NamedStems, asked.QuestionWords!) is not null,
            QuestionType.HowMuch => profile.Tags.HasFlag(AnswerTags.Money) && RateStated(profile, asked) && (asked.MeasureStems is null || SpanFinder.MoneyFor(profile, asked.MeasureStems) is not null),
            QuestionType.HowLong => profile.Tags.HasFlag(AnswerTags.Duration) || profile.DurationSpans.Count > 0 || SpanFinder.TimeBound(profile) is not null,
            QuestionType.HowOld => SpanFinder.Age(profile.Sentence.Text) is not null,
            QuestionType.What or QuestionType.Other when question.AsksForSpeech => SpokenBy(profile, asked.SpeakerKeys),
            QuestionType.How or QuestionType.YesNo when question.Reactor is not null => Mentions(profile, asked.SpeakerKeys!),
            QuestionType.YesNo when asked.ChoiceStems is { } choices => Array.Exists(profile.TokenStems, choices.Contains),
            _ => null,
        };
    }

    private static bool RateStated(SentenceProfile profile, AskedFor asked) => asked.Rate is null || Rates.Stated(profile.Sentence.Text, asked.Rate);

    /// <summary>
    /// What the type checks compare each candidate with: <paramref name="question"/>'s type's, and the weekdays and months
    /// it names (worked out once per question, not per candidate; most questions name none, and then no candidate is read).
    /// </summary>
    private AskedFor WhatIsAsked(QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts) =>
        question.Type is not (QuestionType.YesNo or QuestionType.When) && TimeUnits.DatesIn(question.Normalized) is { } dates
            ? AskedForType(question, concepts) with { Dates = dates }
            : AskedForType(question, concepts);

    /// <summary>What the type checks of <paramref name="question"/>'s type compare each candidate with.</summary>
    private AskedFor AskedForType(QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts) => question.Type switch
    {
        QuestionType.HowMany => new AskedFor { CountedStems = CountedStems(question, concepts), Rate = Rates.Asked(question.Normalized), GivenNumbers = SpanFinder.NumbersIn(question.Normalized), MoneyCounts = !SpanFinder.AsksHowMany(question) },
        QuestionType.HowMuch => new AskedFor { MeasureStems = MeasureStems(QuestionClassifier.MoneyMeasure(question.Normalized), concepts), Rate = Rates.Asked(question.Normalized) },
        QuestionType.Who => new AskedFor { QuestionWords = QuestionWordSet(concepts.Where(c => !c.Carried)) },
        QuestionType.Name => new AskedFor { NamedStems = NounStems(question.NamedNoun, concepts), QuestionWords = QuestionWordSet(concepts) },
        QuestionType.What or QuestionType.Other when question.AsksForSpeech && question.Speaker is not null && !IsUnresolvedPronoun(question.Speaker, concepts)
            => new AskedFor { SpeakerKeys = SpeakerKeys(question.Speaker, question, concepts) },
        // "what did she say at the press conference" with nobody carried: any speaker may be she
        QuestionType.What or QuestionType.Other when question.AsksForSpeech && question.Speaker is not null => AskedFor.Nothing,
        QuestionType.How or QuestionType.YesNo when question.Reactor is not null => new AskedFor { SpeakerKeys = ReactorKeys(question.Reactor, question, concepts) },
        QuestionType.YesNo when question.Choices is { } choices => new AskedFor { ChoiceStems = choices.SelectMany(c => NounStems(c, concepts)!).ToHashSet(StringComparer.Ordinal) },
        _ => AskedFor.Nothing,
    };

    /// <summary>The pronouns a speaker or reactor may be given by, which stand for the person an earlier turn carried.</summary>
    private static readonly HashSet<string> SpeakerPronouns = new(StringComparer.Ordinal) { "he", "she", "they", "him", "her" };

    /// <summary>A speaker that is only a pronoun ("she") when no earlier turn carried anyone it could stand for.</summary>
    private static bool IsUnresolvedPronoun(string speaker, IReadOnlyList<QueryConcept> concepts)
    {
        foreach (var word in speaker.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SpeakerPronouns.Contains(word))
            {
                return false;
            }
        }

        foreach (var concept in concepts)
        {
            if (concept.Carried)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Who may have said it: the speaker's words as name keys, the people their words name by role, and for a pronoun
    /// ("what does he make of …" in a follow-up) the person carried from the earlier turn.
    /// </summary>
    private HashSet<string> SpeakerKeys(string speaker, QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts)
    {
        var speakerWords = speaker.Split(' ').SelectMany(w => Slang.Expand(w).Split(' ')).Select(EntityExtractor.NameKey).ToHashSet(StringComparer.Ordinal);
        var speakerKeys = new HashSet<string>(speakerWords, StringComparer.Ordinal);
        speakerKeys.UnionWith(RoleHolders(concepts.Where(c => c.Surface.Split(' ').All(speakerWords.Contains)), question.Possessors));
        if (speakerWords.Overlaps(SpeakerPronouns))
        {
            speakerKeys.UnionWith(concepts.Where(c => c.Carried).SelectMany(c => c.Surface.Split(' ')).Select(EntityExtractor.NameKey));
        }

        return speakerKeys;
    }

    /// <summary>
    /// Who may be the one whose reaction is asked: the head of the phrase ("iowa's governor" → governor, "democrats in
    /// congress" → democrats), the people its words name by role, and for a pronoun the person carried from the earlier turn.
    /// </summary>
    private HashSet<string> ReactorKeys(string reactor, QuestionAnalysis question, IReadOnlyList<QueryConcept> concepts)
    {
        var words = reactor.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var end = Array.FindIndex(words, w => w is "in" or "of" or "at" or "from" or "on" or "for" or "with");
        var headKeys = Slang.Expand(words[(end > 0 ? end : words.Length) - 1]).Split(' ').Select(EntityExtractor.NameKey).ToHashSet(StringComparer.Ordinal);
        var phraseKeys = words.SelectMany(w => Slang.Expand(w).Split(' ')).Select(EntityExtractor.NameKey).ToHashSet(StringComparer.Ordinal);
        var keys = SpeakerKeys(reactor, question, concepts);
        keys.RemoveWhere(k => WordLists.FunctionWords.Contains(k) || (phraseKeys.Contains(k) && !headKeys.Contains(k)));
        return keys;
    }

    /// <summary>
    /// The sentence names one of <paramref name="keys"/>, or refers to them by a pronoun: "how did turkey react" is not
    /// answered by a sentence without Turkey in it (a loop: it runs for every candidate).
    /// </summary>
    private static bool Mentions(SentenceProfile profile, IReadOnlySet<string> keys)
    {
        for (var k = 0; k < profile.Tokens.Count; k++)
        {
            if (NamesAt(profile, k, keys, thing: true))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sentence mentions an entity of kind <paramref name="kind"/> or <paramref name="other"/> that the question does not
    /// name, by its key or by most of its name's words: "who is the president of the building trades council" is not
    /// answered by the "Central Iowa Building Trades Council" itself (a loop: it runs for every candidate).
    /// </summary>
    private static bool NewEntity(SentenceProfile profile, HashSet<string> questionKeys, IReadOnlySet<string>? questionWords, EntityKind kind, EntityKind other)
    {
        var mentions = profile.Mentions;
        for (var i = 0; i < mentions.Count; i++)
        {
            var entity = mentions[i].Entity;
            if ((entity.Kind == kind || entity.Kind == other) && !questionKeys.Contains(entity.Key) && !questionKeys.Contains(entity.Name.ToLowerInvariant())
                && (questionWords is null || !MostlyIn(entity.NameKeys, questionWords)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name of several words, more than half of which the question uses.</summary>
    private static bool MostlyIn(IReadOnlyList<string> nameKeys, IReadOnlySet<string> questionWords)
    {
        if (nameKeys.Count < 2)
        {
            return false;
        }

        var used = 0;
        for (var i = 0; i < nameKeys.Count; i++)
        {
            used += questionWords.Contains(nameKeys[i]) ? 1 : 0;
        }

        return used * 2 > nameKeys.Count;
    }

    /// <summary>The sentence names a group of people (rebels, investigators …) that the question does not.</summary>
    private static bool NewGroup(SentenceProfile profile, HashSet<string> questionKeys, IReadOnlySet<string>? questionWords)
    {
        var tokens = profile.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (WordLists.GroupNouns.Contains(tokens[i].Text) && !questionKeys.Contains(tokens[i].Lower) && !Echoes(tokens[i].Lower, questionWords))
            {
                // a group in a quotation is the speaker's word ("we let our customers down"), not people the sentence names
                var at = tokens[i].Start;
                if (!profile.QuoteSpans.Any(q => at >= q.Start && at < q.Start + q.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the question says <paramref name="lower"/> itself, or a form of it ("which rebel groups" says the sentence's
    /// "rebels"): a group the question names is what it asks about, not an answer.
    /// </summary>
    private static bool Echoes(string lower, IReadOnlySet<string>? questionWords) =>
        questionWords is not null && questionWords.Any(w => w == lower || (w.Length > 3 && lower.StartsWith(w, StringComparison.Ordinal)) || (lower.Length > 3 && w.StartsWith(lower, StringComparison.Ordinal)));

    /// <summary>How many words a speaker's name may stand from the speech verb ("Foreign Minister Sergey Lavrov said").</summary>
    private const int SpeakerReach = 3;

    /// <summary>
    /// The sentence reports speech (a speech verb or a long quotation) and, when the question names the
    /// speaker, the speaker stands just before the verb or, inverted, just after it: "what did Lavrov say" is
    /// not answered by "Trump said".
    /// </summary>
    /// <param name="profile">The candidate sentence.</param>
    /// <param name="speakerKeys">The speaker's keys (<see cref="SpeakerKeys"/>), or null when the question names no speaker.</param>
    private static bool SpokenBy(SentenceProfile profile, IReadOnlySet<string>? speakerKeys)
    {
        if (speakerKeys is null)
        {
            return profile.Cues.ReportsSpeech;
        }

        var tokens = profile.Tokens;
        var speechVerbAt = profile.Cues.SpeechVerbAt;
        for (var v = 0; v < tokens.Count; v++)
        {
            if (!speechVerbAt[v])
            {
                continue;
            }

            for (var k = v - 1; k >= Math.Max(0, v - SpeakerReach) && !tokens[k].PunctuationAfter; k--)
            {
                if (IsSpeaker(k))
                {
                    return true;
                }
            }

            // the inverted attribution of news quotes: "…,” said Gabriel Ashdown, the lawyer who …
            for (var k = v + 1; k < Math.Min(tokens.Count, v + 1 + SpeakerReach) && !tokens[k - 1].PunctuationAfter; k++)
            {
                if (IsSpeaker(k))
                {
                    return true;
                }
            }
        }

        return false;

        bool IsSpeaker(int k) => NamesAt(profile, k, speakerKeys, thing: false);
    }

    /// <summary>
    /// Whether the word at <paramref name="k"/> names one of <paramref name="keys"/>: by its name key, its stem, or as a
    /// personal pronoun ("he", "she", "they"; with <paramref name="thing"/> also "it") whose antecedent is one of them.
    /// </summary>
    private static bool NamesAt(SentenceProfile profile, int k, IReadOnlySet<string> keys, bool thing)
    {
        var token = profile.Tokens[k];
        return keys.Contains(EntityExtractor.NameKey(token.Text)) || keys.Contains(profile.TokenStems[k])
            || ((token.Lower is "he" or "she" or "they" || (thing && token.Lower == "it")) && profile.Antecedent is { } a && keys.Contains(a.Key));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:at|in|on|near|inside|outside|to|from)\s+(?:a|an|the|another|its|their|his|her|our)\s+(?:[\p{L}\-]+\s+){0,2}(?:base|airbase|airport|city|capital|border|headquarters|embassy|hospital|school|building|region|province|town|village|camp|port|palace|office|hotel|prison|court|stadium|square|street|avenue|road|hall|plant|factory|site|shipyard|harbou?r|station|park|campus|district|county|neighbou?rhood|wing|room|floor|gallery|lobby|museum|house|home|apartment|store|shop|warehouse|garage|terminal|depot|yard|lab|laboratory|church|library|restaurant|bridge|island|coast)\b")]
    internal static partial System.Text.RegularExpressions.Regex LocationPhrase();

    /// <summary>
    /// A locative preposition just before a place, or before a town and a comma ("a shipyard in Bergen, Norway", "near
    /// Millbrook, Iowa"): news names an unknown town by the state or country after it.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(at|in|to|from|near|inside|outside|across|within|into|toward|towards)( the)?\s*(?:(?-i:\p{Lu})[\p{L}'’\-]*(?:\s+(?-i:\p{Lu})[\p{L}'’\-]*){0,2},\s*)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    internal static partial System.Text.RegularExpressions.Regex LocativeBefore();

    /// <summary>
    /// A place the question does not name, and not part of someone's title ("Ambassador to the US"); for
    /// "where" it must also follow a locative preposition ("at the White House", "in Moscow").
    /// </summary>
    private bool LocatedPlace(QuestionAnalysis question, SentenceProfile profile, HashSet<string> questionKeys)
    {
        var cues = profile.Cues;
        if (question.Locative && cues.DescribesLocation)
        {
            return true; // "at a Syrian air base": a described location answers "where" as well as a name
        }

        var mentions = profile.Mentions;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Entity.Kind == EntityKind.Place
                && !questionKeys.Contains(m.Entity.Key) && !questionKeys.Contains(m.Entity.Name.ToLowerInvariant())
                && !cues.PlaceInTitle[i]
                && (!question.Locative || cues.PlaceAfterLocative[i]))
            {
                return true;
            }
        }

        return false;
    }
}
