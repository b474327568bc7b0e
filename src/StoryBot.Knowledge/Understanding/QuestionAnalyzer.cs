using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Util;
using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Lexicon;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Turns a message into <see cref="QueryConcept"/>s: chat shorthand is expanded, question words and
/// filler are dropped, the rest is stemmed like the index and expanded with the ways a story may say
/// the same thing — base forms (WordNet morphology), a weighted list of news synonyms (phrases first:
/// "got the boot" → fired), WordNet relations that the stories actually use, place equivalents
/// ("Tehran" → Iran), years relative to the story's date ("2016" → "last year" in a 2017 story) and,
/// for words that are not English, the closest story word (typos). Intent and answer type are read
/// from the raw wording.
/// </summary>
public sealed partial class QuestionAnalyzer
{
    private static readonly HashSet<string> PersonPronouns = new(StringComparer.Ordinal) { "he", "she", "him", "her", "his", "hers", "himself", "herself" };
    private static readonly HashSet<string> ThingPronouns = new(StringComparer.Ordinal) { "it", "its", "that", "this", "they", "them", "their", "there", "those", "these" };

    private readonly StoryModel _model;
    private readonly SynonymTable _synonyms;
    private readonly EnglishLexicon? _lexicon;
    private readonly StoryAnalyzer _exact = StoryAnalyzer.Exact();
    private readonly StoryAnalyzer _stemmer = new(CharArraySet.Empty, stem: true);
    /// <summary>Words whose stem and whose expansion are kept at most: the index terms' bound, for the same reason (messages bring any words).</summary>
    internal const int MaxMemoWords = IndexTermCache.MaxTerms;

    private readonly BoundedMemo<string, string> _stems = new(MaxMemoWords, StringComparer.Ordinal);
    private readonly BoundedMemo<string, List<QueryAlternative>> _expansions = new(MaxMemoWords, StringComparer.Ordinal);
    private readonly BoundedMemo<string, string> _typoFixes = new(MaxMemoWords, StringComparer.Ordinal);

    public QuestionAnalyzer(StoryModel model, SynonymTable synonyms, KnowledgeFeatures features)
    {
        _model = model;
        _synonyms = synonyms;
        Features = features;
        _lexicon = features.Lexicon || features.Typos ? EnglishLexicon.Shared : null;
    }

    public KnowledgeFeatures Features { get; }

    // "who is X", and as people type it: "who's X again", "remind me who X is", "what does X do", "what's X's job".
    [GeneratedRegex(@"^what(?:'s| is) (?<subject>.+?)'s (?:job|role|title|position)$|^(?:who|what)(?:'s| is| was| are| were)(?: the| a)? (?<subject>.+?)(?: again| exactly| anyway| then)?$|^(?:tell me about|what about|who about) (?<subject>.+)$|^remind me who (?<subject>.+?) (?:is|was)$|^what does (?<subject>.+?) do$")]
    private static partial Regex Definition();

    // "is tillerson the secretary of state?", "was comey an fbi agent": whether X holds a title is answered where the story says who X is.
    [GeneratedRegex(@"^(?:is|was) (?<subject>[a-z][a-z\-']*(?: [a-z][a-z\-']*)?) (?:still |really |actually )?(?:the|a|an) [a-z]")]
    private static partial Regex TitleCheck();

    [GeneratedRegex(@"^(19|20)\d{2}$")]
    private static partial Regex Year();

    public QuestionAnalysis Analyze(string text)
    {
        var normalized = IntentClassifier.Normalize(text);
        var intent = IntentClassifier.Classify(text, Slang.WriteOut(normalized)); // the intent rules read "who r u" as "who are you"
        // "wait who is karen lindqvist" is read as "who is karen lindqvist": the opener asks nothing
        var markers = QuestionClassifier.LeadingDiscourseMarkers(normalized);
        if (markers > 0)
        {
            normalized = string.Join(' ', normalized.Split(' ').Skip(markers));
        }

        var type = QuestionClassifier.Classify(normalized);
        var terms = _exact.Terms(text);
        var words = Words(terms);
        var stems = new string[words.Count];
        for (var i = 0; i < stems.Length; i++)
        {
            stems[i] = Stem(words[i]);
        }

        var concepts = new List<QueryConcept>();
        var used = new bool[words.Count];
        for (var i = 0; i < words.Count && i < markers && WordLists.DiscourseMarkers.Contains(words[i]); i++)
        {
            used[i] = true; // "wait" in "wait who is …" is no topic
        }

        if (QuestionClassifier.TagOf(normalized) is { } tag && words.Count > 0 && words[^1] == tag)
        {
            used[^1] = true; // "…, right?" asks to confirm; "right" is not a topic
        }

        foreach (var frameWord in QuestionClassifier.FrameWords(normalized))
        {
            if (words.IndexOf(frameWord) is >= 0 and var at)
            {
                used[at] = true; // "what's the deal with …" asks about what follows
            }
        }
        var lower = text.ToLowerInvariant();

        // Hyphenated compounds ("de-escalation", "face-to-face") are one concept, not several rare words.
        foreach (Match compound in lower.Contains('-') ? Compound().Matches(lower) : Enumerable.Empty<Match>())
        {
            var parts = compound.Value.Split('-');
            for (var i = 0; i + parts.Length <= words.Count; i++)
            {
                if (!used[i] && Enumerable.Range(0, parts.Length).All(k => words[i + k] == parts[k]))
                {
                    var partStems = stems.Skip(i).Take(parts.Length).ToArray();
                    var alternatives = new List<QueryAlternative> { Alternative(partStems, 1f) };
                    if (Features.Synonyms)
                    {
                        alternatives.AddRange(_synonyms.Related(string.Join(' ', partStems)).Select(r => Alternative(r.Stems, r.Weight)));
                    }

                    concepts.Add(new QueryConcept(string.Join(' ', parts), Dedupe(alternatives)));
                    for (var k = i; k < i + parts.Length; k++)
                    {
                        used[k] = true;
                    }

                    break;
                }
            }
        }

        // Object pronouns may split a phrasal verb ("carrying them out"): match phrases over the other words.
        var positions = PhrasePositions(words);

        // Phrases: synonym-list phrases first ("pentagon chief"), then multi-word places ("the white house").
        for (var pass = 0; pass < PhrasePasses; pass++)
        {
            var placesPass = pass == PlacesPass;
            if (placesPass ? !Features.Places : !Features.Synonyms)
            {
                continue;
            }

            for (var n = Math.Min(Math.Max(_synonyms.MaxPhraseLength, 3), positions.Length); n >= 2; n--)
            {
                for (var j = 0; j + n <= positions.Length; j++)
                {
                    if (placesPass ? !KnownPlaces.StartsPlaceName(words[positions[j]]) : !_synonyms.StartsPhrase(stems[positions[j]]))
                    {
                        continue;
                    }

                    var span = positions.Skip(j).Take(n).ToArray();
                    if (span.Any(k => used[k]) || span[^1] - span[0] > n || (!placesPass && IsInfinitiveMarker(words, span[^1])))
                    {
                        continue;
                    }

                    var key = string.Join(' ', span.Select(k => stems[k]));
                    var surface = string.Join(' ', span.Select(k => words[k]));
                    var synonyms = placesPass ? Array.Empty<(string[] Stems, float Weight)>() : _synonyms.Related(key);
                    var places = placesPass ? KnownPlaces.Equivalents(surface) : Array.Empty<string>();
                    if (synonyms.Count > 0 || places.Count > 0 || (!placesPass && _synonyms.Contains(key)))
                    {
                        var alternatives = new List<QueryAlternative> { Alternative(span.Select(k => stems[k]), 1f) };
                        alternatives.AddRange(synonyms.Select(r => Alternative(r.Stems, r.Weight)));
                        alternatives.AddRange(places.Select(p => Alternative(StemPhrase(p), 0.8f)));
                        concepts.Add(new QueryConcept(surface, Dedupe(alternatives)));
                        foreach (var k in span)
                        {
                            used[k] = true;
                        }
                    }
                }
            }
        }

        if (_lexicon is not null && Features.Lexicon)
        {
            AddPhrasalVerbs(words, stems, used, positions, concepts);
        }

        var which = QuestionClassifier.WhichNoun(normalized);
        Dictionary<string, string>? fixes = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0 && words[i - 1] == "which" && NumberWords.Contains(words[i]))
            {
                continue; // "which two countries": the number describes the answer, not the story
            }

            if (used[i] || StopWordSets.Question.Contains(words[i]) || (words[i].Length < 2 && !char.IsDigit(words[i][0])))
            {
                continue;
            }

            concepts.Add(new QueryConcept(words[i], Expand(words[i], stems[i])));
            if (TypoFix(words[i], stems[i]) is { Length: > 0 } fix)
            {
                (fixes ??= new Dictionary<string, string>(StringComparer.Ordinal))[words[i]] = fix;
            }
        }

        var anaphora = Anaphora.None;
        if (words.Any(PersonPronouns.Contains))
        {
            anaphora |= Anaphora.Person;
        }

        if (words.Any(ThingPronouns.Contains) || normalized.StartsWith("and ", StringComparison.Ordinal) || normalized.StartsWith("what about", StringComparison.Ordinal))
        {
            anaphora |= Anaphora.Thing;
        }

        string? definition = null;
        if ((type is QuestionType.Who or QuestionType.What or QuestionType.Other ? Definition().Match(normalized) : type == QuestionType.YesNo ? TitleCheck().Match(normalized) : null) is { Success: true } m)
        {
            // a misspelt name is the person it was fixed to ("who is comy" → Comey)
            var keys = m.Groups["subject"].Value.Split(' ').Select(w => fixes is not null && fixes.TryGetValue(w, out var fix) ? fix : w).Select(EntityExtractor.NameKey).ToList();
            if (keys.Count <= 4 && _model.Entities.Any(e => e.Key == keys[^1] && e.Kind == EntityKind.Person) && keys.All(k => _model.Entities.Any(e => e.Key == k || e.Name.Contains(k, StringComparison.OrdinalIgnoreCase))))
            {
                definition = keys[^1];
            }
        }

        var possessors = new Dictionary<string, string>(StringComparer.Ordinal);
        // a possessive needs an apostrophe: most questions have none, and the pattern is not run for them
        var apostrophes = lower.Contains('\'') || lower.Contains('’');
        foreach (Match p in apostrophes ? Possessive().Matches(lower.Replace('’', '\'')) : Enumerable.Empty<Match>())
        {
            var owner = Slang.Expand(p.Groups["owner"].Value);
            var next = p.Groups["next"].Value;
            var concept = concepts.FirstOrDefault(c => c.Surface == next || c.Surface.StartsWith(next + " ", StringComparison.Ordinal));
            if (concept is not null && !StopWordSets.Question.Contains(owner))
            {
                possessors[concept.Surface] = owner;
            }
        }

        // "the name of the fbi guy" asks who (QuestionClassifier): "name" is the question's frame, not its topic.
        var namedNoun = QuestionClassifier.NamedNoun(normalized);
        var nameOfAPerson = type == QuestionType.Who && namedNoun is not null;
        if (nameOfAPerson)
        {
            concepts.RemoveAll(c => c.Surface is "name" or "names");
        }

        // Vague time modifiers ("this week", "recently") narrow little unless the question asks when.
        if (type != QuestionType.When)
        {
            for (var i = 0; i < concepts.Count; i++)
            {
                if (VagueTime.Contains(concepts[i].Surface))
                {
                    concepts[i] = concepts[i].WithWeight(0.35f, carried: false);
                }
            }
        }

        string? Head(string? noun) => noun is null ? null : Slang.Expand(noun).Split(' ')[^1];
        // "the president of Turkey" owns its role like "Turkey's president"
        foreach (Match p in normalized.Contains(" of ", StringComparison.Ordinal) ? RoleOfPlace().Matches(normalized) : Enumerable.Empty<Match>())
        {
            var owner = p.Groups["owner"].Value;
            var role = p.Groups["role"].Value;
            var concept = concepts.FirstOrDefault(c => c.Surface == role || c.Surface.EndsWith(" " + role, StringComparison.Ordinal));
            if (concept is not null && KnownPlaces.IsPlaceOrDemonym(owner))
            {
                possessors.TryAdd(concept.Surface, owner);
            }
        }

        var speech = Speech().Match(normalized);
        var copular = CopularWho().Match(normalized);
        if (copular.Success && EndsInParticiple(normalized))
        {
            copular = Match.Empty; // "who is al-assad's military fighting": "is … fighting" asks whom they fight, not who the military is
        }

        return new QuestionAnalysis(text, normalized, intent, type, concepts, Head(QuestionClassifier.CountedNoun(normalized)), anaphora, definition)
        {
            ExactTerms = terms,
            TypoFixes = fixes ?? (IReadOnlyDictionary<string, string>)EmptyFixes,
            Possessors = possessors,
            CountedPhrase = QuestionClassifier.CountedPhrase(normalized) is { } counted ? string.Join(' ', counted.Split(' ').Select(Slang.Expand)) : null,
            NamedNoun = Head(namedNoun),
            WhichNoun = Head(which),
            WhoAsksAbout = type == QuestionType.Who ? QuestionClassifier.WhoAsksAbout(normalized) : null,
            Locative = Locative().IsMatch(normalized),
            // "what was the name of the fbi guy" asks who the fbi guy was
            Copular = copular.Success || nameOfAPerson,
            AsksForOne = copular.Success && copular.Groups["verb"].Value is not ("are" or "were") && !copular.Groups["next"].Value.EndsWith("ing", StringComparison.Ordinal),
            SubjectVerb = SubjectVerbQuestion().Match(normalized) is { Success: true } sv ? sv.Groups["verb"].Value : null,
            PassiveVerb = PassiveParticiple(normalized),
            AsksForSpeech = speech.Success,
            Asks = type != QuestionType.Other || AskOpener().IsMatch(normalized) || (anaphora != Anaphora.None && text.Contains('?')),
            Speaker = speech.Success && speech.Groups["speaker"].Success ? speech.Groups["speaker"].Value.Trim() : null,
            Choices = type == QuestionType.YesNo ? Choices(normalized) : null,
            Reactor = type is QuestionType.How or QuestionType.YesNo && Reaction().Match(normalized) is { Success: true } reaction && reaction.Groups["reactor"].Value.Trim() is { Length: > 0 } reactor ? reactor : null,
        };
    }

    /// <summary>The words either side of the question's "or", shorthand written out, when the second is a real choice ("dem or gop" → democrat, gop), else null.</summary>
    internal static IReadOnlyList<string>? Choices(string normalized)
    {
        var choice = Choice().Match(normalized);
        return choice.Success
            && !WordLists.ChoiceTails.Contains(choice.Groups["b"].Value)
            && !WordLists.FunctionWords.Contains(choice.Groups["a"].Value)
            && !WordLists.FunctionWords.Contains(choice.Groups["b"].Value)
            ? new[] { WrittenOut(choice.Groups["a"].Value), WrittenOut(choice.Groups["b"].Value) }
            : null;

        static string WrittenOut(string word) => Slang.Expand(word) is { Length: > 0 } full ? full : word;
    }

    /// <summary>
    /// "to" right before a verb marks an infinitive ("going to hear", "going to make"), not a place one goes to
    /// (a place comes with its article or is a name): a synonym phrase ending in it ("go to" ~ travel) is not
    /// what the user said.
    /// </summary>
    private bool IsInfinitiveMarker(List<string> words, int i) =>
        words[i] == "to" && i + 1 < words.Count && _lexicon is not null && !KnownPlaces.IsPlaceOrDemonym(words[i + 1])
        && !_model.IsEntityKey(words[i + 1]) && (_lexicon.PartsOfSpeech(words[i + 1]) & WordPos.Verb) != 0;

    /// <summary>
    /// Whether the question ends in a verb's -ing form after a word that is no article or preposition ("who is the us
    /// backing", not "who owns the building").
    /// </summary>
    private bool EndsInParticiple(string normalized)
    {
        var words = normalized.TrimEnd('?', ' ').Split(' ');
        if (_lexicon is null || words.Length < 4 || !words[^1].EndsWith("ing", StringComparison.Ordinal) || NounMarkers.Contains(words[^2]))
        {
            return false;
        }

        foreach (var form in _lexicon.BaseForms(words[^1]))
        {
            if (form != words[^1] && (_lexicon.PartsOfSpeech(form) & WordPos.Verb) != 0)
            {
                return true;
            }
        }

        return false;
    }

    // words after which an -ing word is a noun ("the building", "of housing"), not the question's verb
    private static readonly HashSet<string> NounMarkers = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "its", "their", "our", "my", "your",
        "of", "in", "on", "at", "for", "with", "to", "from", "by", "about", "into", "over", "under",
    };

    // WordNet relations weaker than this ("live" ~ "last") bring more noise than help.
    private const float MinRelatedWeight = 0.4f;

    private static readonly HashSet<string> ObjectPronouns = new(StringComparer.Ordinal) { "it", "them", "him", "her", "this", "that", "these", "those", "us", "me" };

    private static readonly HashSet<string> VagueTime = new(StringComparer.Ordinal)
    {
        "week", "month", "year", "today", "recently", "lately", "now", "currently", "days", "weeks", "months", "years", "yesterday", "time",
    };

    [GeneratedRegex(@"^(?:and )?who(?:'| )(?<verb>s|is|was|are|were)(?: the| a| an)? (?!(?:\w+ed|being)\b)(?<next>\w+)?")]
    private static partial Regex CopularWho();

    [GeneratedRegex(@"^(?:and |but )?who (?<verb>(?!(?:is|was|are|were|has|had|does|did|was|will|would|could|can|should|might|may|must|s)\b)[a-z]+(?:ed|es|s))\b")]
    private static partial Regex SubjectVerbQuestion();

    /// <summary>
    /// The participle of a passive who-question ("who was fired", "who got canned", "who's been charged", "who will be
    /// replaced"): after "who", auxiliaries and adverbs, the first word ends like a regular participle and some auxiliary
    /// was a form of "be" or "get". Null for any other question.
    /// </summary>
    internal static string? PassiveParticiple(string normalized)
    {
        if (!normalized.Contains("who", StringComparison.Ordinal))
        {
            return null; // most questions: no split for them (this runs on every message)
        }

        var words = normalized.Split(' ');
        var start = words.Length > 0 && words[0] is "and" or "so" or "but" ? 1 : 0;
        if (start >= words.Length || words[start] is not ("who" or "who's"))
        {
            return null;
        }

        var passive = words[start] == "who's";
        for (var i = start + 1; i < words.Length; i++)
        {
            var word = words[i];
            if (WordLists.PassiveAuxiliaries.Contains(word))
            {
                passive = true;
            }
            else if (word is "the" or "a" or "an" && i + 2 < words.Length && WordLists.TypeWords(QuestionType.Who).Contains(words[i + 1]) && words[i + 2] is "that" or "who")
            {
                i += 2; // "who was the guy that got fired": the person is whoever the relative clause is about
                passive = false; // its own auxiliary says whether it is passive ("that fired comey" is not)
            }
            else if (word is "the" or "a" or "an")
            {
                return null; // "who are the children": a noun phrase, not a participle
            }
            else if (!WordLists.FunctionWords.Contains(word) && !word.EndsWith("ly", StringComparison.Ordinal))
            {
                return passive && word.Length > 3 && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("en", StringComparison.Ordinal)) ? word : null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?<role>[a-z\-]+) of (?:the )?(?<owner>[a-z\-]+)\b")]
    private static partial Regex RoleOfPlace();

    // openers of a question or request that carry no question word ("and lavrov?", "tell me about him", "more on that")
    [GeneratedRegex(@"^(?:and|but|or|also|plus|tell|explain|describe|elaborate|more|show|give|list|name|what about|how about)\b")]
    private static partial Regex AskOpener();

    [GeneratedRegex(@"\bwhere\b")]
    private static partial Regex Locative();

    // "what did X say/think/make of", "what was X's reaction", "what did X call": the verbs and nouns are the shared word lists
    private static readonly Lazy<Regex> SpeechQuestion = new(() =>
    {
        static string Any(IEnumerable<string> words) => string.Join("|", words.OrderByDescending(w => w.Length).Select(Regex.Escape));
        var verbs = Any(WordLists.SpeechVerbs.Concat(WordLists.OpinionWords.Where(w => w.StartsWith("think", StringComparison.Ordinal))).Append("make of"));
        return new Regex(
            $@"\bwhat (?:did|does|do|has|have|had|was|is|were|will|would) (?<speaker>[a-z\-' ]{{1,40}}?) ?\b(?:{verbs})\b|\bwhat(?:'s| was| is) [a-z\-' ]{{1,40}}?(?:'s)? (?:{Any(WordLists.OpinionWords)})\b",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);
    });

    private static Regex Speech() => SpeechQuestion.Value;

    // "how did X react / respond", "did X say anything / comment on / weigh in": X's reaction or word is what is asked
    [GeneratedRegex(@"^(?:and |but )?(?:how (?:did|does|do|has|have|will|would|is|are|was|were) (?<reactor>[a-z\-' ]{1,40}?) (?:react|reacted|reacting|respond|responded|responding|reply|replied|replying)\b|(?:did|has|have|does|do|will|would) (?<reactor>[a-z\-' ]{1,40}?) (?:say|said|comment|commented|tweet|tweeted|speak|spoken|spoke|weigh|weighed|respond|responded|react|reacted) (?:anything|something|publicly|about|on|in)\b)")]
    private static partial Regex Reaction();

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal) { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "2", "3", "4", "5" };

    [GeneratedRegex(@"\b(?<a>[a-z][a-z\-']*) or (?:a |an |the )?(?<b>[a-z][a-z\-']*)\b")]
    private static partial Regex Choice();

    [GeneratedRegex(@"\b\p{L}+(?:-\p{L}+)+\b")]
    private static partial Regex Compound();

    [GeneratedRegex(@"\b(?<owner>\p{L}+)'s? (?=(?<next>\p{L}+))")]
    private static partial Regex Possessive();

    /// <summary>A concept for an entity carried into a follow-up ("she" → Sally Yates).</summary>
    public QueryConcept EntityConcept(NamedEntity entity, float weight) =>
        new(entity.Name, new[] { new QueryAlternative(new[] { Stem(entity.Key) }, 1f) }, weight, carried: true);

    internal string Stem(string word)
    {
        if (_stems.TryGet(word, out var stem))
        {
            return stem;
        }

        var terms = _stemmer.Terms(word);
        return _stems.Keep(word, terms.Count == 1 ? terms[0] : word);
    }

    // The phrase passes: synonym-list phrases, then multi-word places.
    private const int PhrasePasses = 2;
    private const int PlacesPass = 1;

    /// <summary>
    /// The message's words: its exact analysis's terms with misspelt question words fixed, news shorthand expanded
    /// into its words ("govt" → government) and interjections ("lol") left out. A loop, not a LINQ chain: it runs for
    /// every message.
    /// </summary>
    private static List<string> Words(List<string> terms)
    {
        var words = new List<string>(terms.Count);
        foreach (var term in terms)
        {
            var expanded = Slang.Expand(IntentClassifier.QuestionWordTypos.TryGetValue(term, out var fixedWord) ? fixedWord : term);
            if (!expanded.Contains(' '))
            {
                if (expanded.Length > 0)
                {
                    words.Add(expanded);
                }

                continue;
            }

            foreach (var part in expanded.Split(' '))
            {
                if (part.Length > 0)
                {
                    words.Add(part);
                }
            }
        }

        return words;
    }

    // The positions phrases are matched over: every word but object pronouns (the first word always counts).
    private static int[] PhrasePositions(List<string> words)
    {
        var count = 0;
        for (var k = 0; k < words.Count; k++)
        {
            if (k == 0 || !ObjectPronouns.Contains(words[k]))
            {
                count++;
            }
        }

        var positions = new int[count];
        var next = 0;
        for (var k = 0; k < words.Count; k++)
        {
            if (k == 0 || !ObjectPronouns.Contains(words[k]))
            {
                positions[next++] = k;
            }
        }

        return positions;
    }

    private string[] StemPhrase(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stem).ToArray();

    // Phrases are matched against sentences whose stop words were dropped at index time: drop them here too.
    private static QueryAlternative Alternative(IEnumerable<string> stems, float weight)
    {
        var kept = stems.Where(s => !StopWordSets.Index.Contains(s)).ToArray();
        return new QueryAlternative(kept.Length > 0 ? kept : stems.ToArray(), weight);
    }

    private static readonly Dictionary<string, string> EmptyFixes = new();

    /// <summary>The story word a misspelt word stands for ("trmup" → trump), or "" when the word is not a typo.</summary>
    private string TypoFix(string word, string stem) =>
        _typoFixes.TryGet(word, out var known) ? known : _typoFixes.Keep(word,
            Features.Typos && _model.DocumentFrequency(stem) == 0 && (_lexicon is null || !_lexicon.IsWord(word)) && Corrections(word) is [var first, ..] ? first : string.Empty);

    private List<QueryAlternative> Expand(string word, string stem) =>
        _expansions.TryGet(word, out var known) ? known : _expansions.Keep(word, NewExpansion(word, stem));

    // Everything a word may be found as in the stories; a pure function of the word and the stories, built once per word.
    private List<QueryAlternative> NewExpansion(string word, string stem)
    {
        var alternatives = new List<QueryAlternative> { new(new[] { stem }, 1f) };
        if (stem != word && _model.DocumentFrequency(word) > 0)
        {
            alternatives.Add(new QueryAlternative(new[] { word }, 1f));
        }

        var forms = new List<string> { stem };
        var isName = KnownPlaces.IsPlaceOrDemonym(word) || _model.IsNameWord(word);
        if (_lexicon is not null && Features.Lexicon && !isName)
        {
            foreach (var form in _lexicon.BaseForms(word).Where(f => !f.Contains(' ')))
            {
                var formStem = Stem(form);
                if (!forms.Contains(formStem))
                {
                    forms.Add(formStem);
                    alternatives.Add(new QueryAlternative(new[] { formStem }, 0.95f));
                }
            }
        }

        // Inflections the stemmer left whole in the story ("provided" stays "provided"): generate the regular
        // forms of the question's word and keep those the stories use.
        foreach (var inflected in isName ? Enumerable.Empty<string>() : RegularForms(word))
        {
            if (!forms.Contains(inflected) && _model.DocumentFrequency(inflected) > 0)
            {
                forms.Add(inflected);
                alternatives.Add(new QueryAlternative(new[] { inflected }, 0.95f));
            }
        }

        // The verb's "-ing" noun ("hear" → "hearing", "rule" → "ruling"): the story may name the event asked about.
        foreach (var noun in isName || _lexicon is null || !Features.Lexicon ? Enumerable.Empty<string>() : IngNouns(word))
        {
            var nounStem = Stem(noun);
            if (!forms.Contains(nounStem) && _model.DocumentFrequency(nounStem) > 0)
            {
                forms.Add(nounStem);
                alternatives.Add(new QueryAlternative(new[] { nounStem }, DerivedWeight));
            }
        }

        if (Features.Synonyms)
        {
            foreach (var form in forms)
            {
                alternatives.AddRange(_synonyms.Related(form).Select(r => Alternative(r.Stems, r.Weight)));
            }
        }

        if (Features.Places)
        {
            alternatives.AddRange(KnownPlaces.Equivalents(word).Select(p => Alternative(StemPhrase(p), 0.8f)));
        }

        if (_lexicon is not null && Features.Lexicon && !isName)
        {
            alternatives.AddRange(LexiconAlternatives(word));
        }

        if (Year().IsMatch(word))
        {
            var year = int.Parse(word, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var published in _model.PublicationYears)
            {
                var relative = (year - published) switch { -1 => "last year", 0 => "this year", 1 => "next year", _ => null };
                if (relative is not null)
                {
                    alternatives.Add(Alternative(StemPhrase(relative), 0.9f));
                }
            }
        }

        if (Features.Typos && _model.DocumentFrequency(stem) == 0 && (_lexicon is null || !_lexicon.IsWord(word)) && alternatives.All(a => a.Stems.Any(s => _model.DocumentFrequency(s) == 0)))
        {
            foreach (var fix in Corrections(word))
            {
                // a correction may be a hyphenated word the index holds as parts ("deescalation" → de-escalation)
                var parts = _stemmer.Terms(fix);
                alternatives.Add(parts.Count > 1 ? Alternative(parts, 0.8f) : new QueryAlternative(new[] { Stem(fix) }, 0.8f));
            }
        }

        return Dedupe(alternatives);
    }

    // How much a derived form ("hearing" for "hear") counts.
    private const float DerivedWeight = 0.8f;

    /// <summary>
    /// The lexicon's words related to <paramref name="lemma"/> that some sentence uses, weighed by relation: a synonym
    /// nearly as much as the word, a broader or sibling term less.
    /// </summary>
    private IEnumerable<QueryAlternative> LexiconAlternatives(string lemma)
    {
        foreach (var related in _lexicon!.Related(lemma).Where(r => !r.Word.Split(' ').Any(StopWordSets.Question.Contains)))
        {
            var factor = related.Relation switch
            {
                WordRelation.Synonym => 0.75f,
                WordRelation.Derived => DerivedWeight,
                WordRelation.Sibling => 0.45f,
                WordRelation.Hypernym => 0.45f,
                _ => 0.35f,
            };
            var relatedStems = Alternative(StemPhrase(related.Word), related.Weight * factor);
            if (relatedStems.Weight >= MinRelatedWeight && relatedStems.Stems.All(s => _model.DocumentFrequency(s) > 0))
            {
                yield return relatedStems;
            }
        }
    }

    /// <summary>Particles that make a verb a phrasal verb of its own meaning ("gave up", "walk out", "laid off").</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "up", "down", "out", "off", "over", "back", "away" };

    /// <summary>
    /// Phrasal verbs the lexicon knows ("gave up" → give up: sacrifice, surrender; "walk out" → strike): one concept, even
    /// when the verb alone is a light verb the question drops ("give", "take", "make").
    /// </summary>
    private void AddPhrasalVerbs(List<string> words, string[] stems, bool[] used, int[] positions, List<QueryConcept> concepts)
    {
        for (var j = 0; j + 1 < positions.Length; j++)
        {
            var (verbAt, particleAt) = (positions[j], positions[j + 1]);
            if (used[verbAt] || used[particleAt] || !Particles.Contains(words[particleAt])
                || (particleAt + 1 < words.Count && words[particleAt + 1] == "of"))
            {
                continue; // "get out of it": a preposition, not a particle
            }

            var lemma = _lexicon!.BaseForms(words[verbAt]).Select(b => b + " " + words[particleAt]).FirstOrDefault(_lexicon.IsLemma);
            if (lemma is null)
            {
                continue;
            }

            var alternatives = new List<QueryAlternative> { Alternative(new[] { stems[verbAt], stems[particleAt] }, 1f) };
            alternatives.AddRange(LexiconAlternatives(lemma));
            concepts.Add(new QueryConcept(words[verbAt] + " " + words[particleAt], Dedupe(alternatives)));
            used[verbAt] = used[particleAt] = true;
        }
    }

    // A verb's "-ing" forms that are nouns of their own in the lexicon ("hearing", "ruling", "filing").
    private IEnumerable<string> IngNouns(string word)
    {
        if (word.Length < 3 || !word.All(char.IsLetter) || word.EndsWith("ing", StringComparison.Ordinal) || (_lexicon!.PartsOfSpeech(word) & WordPos.Verb) == 0)
        {
            yield break;
        }

        foreach (var form in new[] { word + "ing", word.EndsWith('e') ? word[..^1] + "ing" : null, word + word[^1] + "ing" })
        {
            if (form is not null && (_lexicon.PartsOfSpeech(form) & WordPos.Noun) != 0)
            {
                yield return form;
            }
        }
    }

    private static IEnumerable<string> RegularForms(string word)
    {
        if (word.Length < 3 || !word.All(char.IsLetter))
        {
            yield break;
        }

        // past forms only: "-s" is the stemmer's job, and "-ing" forms are often other words ("meeting")
        yield return word + "ed";
        if (word.EndsWith('e'))
        {
            yield return word + "d";
        }

        if (word.EndsWith('y'))
        {
            yield return word[..^1] + "ied";
        }
    }

    // Story words within a small edit distance of a word that is not English: "presidnet" → president.
    private string[] Corrections(string w)
    {
        if (w.Length < 4 || w.Any(char.IsDigit))
        {
            return Array.Empty<string>();
        }

        var limit = w.Length >= 8 ? 2 : 1;
        return _model.SurfaceVocabulary.Concat(_model.Vocabulary).Distinct()
            .Where(v => Math.Abs(v.Length - w.Length) <= limit && v.Length >= 4 && !v.Contains(' '))
            .Select(v => (Word: v, Distance: EditDistance.Damerau(w, v, limit)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .Take(2)
            .Select(x => x.Word)
            .ToArray();
    }

    /// <summary>
    /// One alternative per key (its stems), the heaviest (the first of equally heavy ones), in the order the keys
    /// first appear: what GroupBy + a stable OrderByDescending + First gave, without their buffers (phrases and
    /// compounds build alternatives on every message).
    /// </summary>
    internal static List<QueryAlternative> Dedupe(List<QueryAlternative> alternatives)
    {
        var kept = new List<QueryAlternative>(alternatives.Count);
        var index = new Dictionary<string, int>(alternatives.Count, StringComparer.Ordinal);
        foreach (var alternative in alternatives)
        {
            var key = alternative.Key;
            if (!index.TryGetValue(key, out var at))
            {
                index.Add(key, kept.Count);
                kept.Add(alternative);
            }
            else if (Comparer<float>.Default.Compare(alternative.Weight, kept[at].Weight) > 0)
            {
                kept[at] = alternative;
            }
        }

        return kept;
    }
}
