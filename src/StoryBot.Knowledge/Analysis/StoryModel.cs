using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Indexing;
using StoryBot.Knowledge.Ingest;

namespace StoryBot.Knowledge.Analysis;

/// <summary>
/// The analysed stories: a profile per sentence, the named entities of each story and term statistics
/// (document frequencies over sentences) used to weight question words by how telling they are.
/// </summary>
public sealed class StoryModel
{
    private static readonly HashSet<string> LeadingPronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "his", "her", "they", "their" };
    private static readonly HashSet<string> ThingPronouns = new(StringComparer.OrdinalIgnoreCase) { "it", "its", "this", "these", "they", "their", "that" };

    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), SentenceProfile> _byId = new();

    // Story by id without a scan: it runs for every citation and the list grows with the number of stories.
    private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);

    public StoryModel(IReadOnlyList<Story> stories, StoryAnalyzer analyzer)
    {
        Stories = stories;
        var profiles = new List<SentenceProfile>();
        var entities = new List<NamedEntity>();
        foreach (var story in stories)
        {
            var (storyEntities, mentions) = EntityExtractor.Extract(story.Sentences.Select(s => s.Text).ToList(), story.Dateline);
            entities.AddRange(storyEntities);
            NamedEntity? previousSubject = null;
            for (var i = 0; i < story.Sentences.Count; i++)
            {
                var sentence = story.Sentences[i];
                var tokens = WordTokenizer.Tokenize(sentence.Text);
                var tokenStems = tokens.Select(t => analyzer.Terms(t.Text) is { Count: > 0 } ts ? ts[0] : t.Lower).ToArray();

                // A pronoun among the first words, before anyone is named, refers to the previous subject.
                var leading = tokens.Take(4).TakeWhile(t => !mentions[i].Any(m => m.Start <= t.Start && t.Start < m.End)).Select(t => t.Lower);
                var antecedent = leading.Any(LeadingPronouns.Contains) ? previousSubject : null;
                var subject = antecedent ?? mentions[i].Select(m => m.Entity).FirstOrDefault(e => e.Kind == EntityKind.Person);
                previousSubject = subject ?? previousSubject;

                var alias = new List<string>();
                foreach (var person in mentions[i].Select(m => m.Entity).Where(e => e.Kind == EntityKind.Person).Distinct())
                {
                    alias.Add(person.TitleAfterName ? person.Name : person.Name + " " + person.Title);
                }

                if (antecedent is not null)
                {
                    alias.Add(antecedent.TitleAfterName ? antecedent.Name : antecedent.Name + " " + antecedent.Title);
                }

                var aliasText = string.Join(" ", alias);
                var contextText = string.Join(" ", new[] { i > 0 ? story.Sentences[i - 1].Text : null, i + 1 < story.Sentences.Count ? story.Sentences[i + 1].Text : null }.Where(t => t is not null));
                var terms = analyzer.Terms(sentence.Text).ToHashSet(StringComparer.Ordinal);
                var aliasTerms = new Dictionary<string, float>(StringComparer.Ordinal);
                foreach (var term in analyzer.Terms(aliasText))
                {
                    if (!terms.Contains(term))
                    {
                        aliasTerms[term] = 0.85f;
                    }
                }

                // "It focuses on …": a sentence opening with a pronoun is about what the previous one was about.
                if (i > 0 && tokens.Count > 0 && ThingPronouns.Contains(tokens[0].Lower))
                {
                    foreach (var term in analyzer.Terms(story.Sentences[i - 1].Text))
                    {
                        if (!terms.Contains(term))
                        {
                            aliasTerms.TryAdd(term, 0.5f);
                        }
                    }
                }

                var keys = mentions[i].Select(m => m.Entity.Key).ToHashSet(StringComparer.Ordinal);
                if (antecedent is not null)
                {
                    keys.Add(antecedent.Key);
                }

                var possessors = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (System.Text.RegularExpressions.Match p in System.Text.RegularExpressions.Regex.Matches(sentence.Text, @"(\p{L}[\p{L}\-]*)[’']s\s+(\p{L}+)"))
                {
                    var next = analyzer.Terms(p.Groups[2].Value);
                    if (next.Count > 0)
                    {
                        possessors.TryAdd(next[0], EntityExtractor.NameKey(p.Groups[1].Value));
                    }
                }

                var profile = new SentenceProfile
                {
                    Tokens = tokens,
                    TokenStems = tokenStems,
                    Possessors = possessors,
                    Sentence = sentence,
                    Terms = terms,
                    Words = tokens.Select(t => t.Lower).ToHashSet(StringComparer.Ordinal),
                    AliasTerms = aliasTerms,
                    ContextTerms = analyzer.Terms(contextText).ToHashSet(StringComparer.Ordinal),
                    Tags = AnswerTagger.Tag(sentence.Text, mentions[i]),
                    Mentions = mentions[i],
                    EntityKeys = keys,
                    Antecedent = antecedent,
                    AliasText = aliasText,
                    ContextText = contextText,
                };
                profiles.Add(profile);
                _byId[(sentence.StoryId, sentence.Number)] = profile;
                foreach (var term in terms.Concat(aliasTerms.Keys).Distinct())
                {
                    _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
                }
            }
        }

        Profiles = profiles;
        Entities = entities;
        foreach (var story in stories)
        {
            _stories.TryAdd(story.Id, story);
        }

        TitleStems = entities.Where(e => e.Kind == EntityKind.Person && e.Title.Length > 0)
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)analyzer.Terms(WithoutPossessor(g.First().Title)).Where(t => !KnownPlaces.IsPlaceOrDemonym(t)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        Vocabulary = _documentFrequency.Keys.ToHashSet(StringComparer.Ordinal);
        PublicationYears = stories
            .SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s.Source + " " + s.Title + " " + s.Dateline, @"\b(19|20)\d{2}\b"))
            .Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        SurfaceVocabulary = profiles.SelectMany(p => p.Words).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<Story> Stories { get; }

    /// <summary>
    /// A title without the possessor it is held in ("the museum's executive director" → executive director): "who runs
    /// the museum" names the museum, not its director, so the director is an answer, not someone the question names.
    /// </summary>
    private static string WithoutPossessor(string title) =>
        string.Join(' ', title.Split(' ').Where(w => !w.EndsWith("'s", StringComparison.Ordinal) && !w.EndsWith("’s", StringComparison.Ordinal)));

    public IReadOnlyList<SentenceProfile> Profiles { get; }

    public IReadOnlyList<NamedEntity> Entities { get; }

    /// <summary>Every analysed term of the stories (sentences and aliases).</summary>
    public IReadOnlySet<string> Vocabulary { get; }

    /// <summary>Every lower-cased word as written in the stories.</summary>
    public IReadOnlySet<string> SurfaceVocabulary { get; }

    public int SentenceCount => Profiles.Count;

    private Dictionary<string, List<string>>? _titledBy;

    /// <summary>People whose title holds every one of <paramref name="stems"/>, through an index from title stem to people.</summary>
    public IEnumerable<string> PeopleTitled(string[] stems)
    {
        _titledBy ??= TitleStems
            .SelectMany(t => t.Value.Select(stem => (Stem: stem, Key: t.Key)))
            .GroupBy(x => x.Stem, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Key).Distinct().ToList(), StringComparer.Ordinal);
        if (stems.Length == 0 || !_titledBy.TryGetValue(stems[0], out var first))
        {
            return Array.Empty<string>();
        }

        return stems.Length == 1 ? first : first.Where(key => stems.All(TitleStems[key].Contains));
    }

    /// <summary>Person key → the stems of their title without nationality ("Minister of Foreign Affairs" → minister, foreign, affair).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> TitleStems { get; }

    /// <summary>Years the stories were published in (from their source lines), for "2016" → "last year".</summary>
    public IReadOnlyList<int> PublicationYears { get; }

    public int DocumentFrequency(string term) => _documentFrequency.GetValueOrDefault(term);

    /// <summary>BM25-style inverse document frequency over sentences; unseen terms get the highest weight.</summary>
    public double Idf(int df) => Math.Log(1 + ((SentenceCount - df + 0.5) / (df + 0.5)));

    private Dictionary<string, NamedEntity>? _people;
    private HashSet<string>? _entityKeys;
    private HashSet<string>? _personNameWords;

    /// <summary>The person entity with key <paramref name="key"/>, or null.</summary>
    public NamedEntity? Person(string key) =>
        (_people ??= Entities.Where(e => e.Kind == EntityKind.Person).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal))
            .GetValueOrDefault(key);

    /// <summary>True when some entity of the stories has the lookup key <paramref name="key"/>.</summary>
    public bool IsEntityKey(string key) => (_entityKeys ??= Entities.Select(e => e.Key).ToHashSet(StringComparer.Ordinal)).Contains(key);

    /// <summary>True when <paramref name="word"/> names someone or something of the stories: an entity's key or any word of a person's name ("sally").</summary>
    public bool IsNameWord(string word) =>
        IsEntityKey(word) || (_personNameWords ??= Entities.Where(e => e.Kind == EntityKind.Person).SelectMany(e => e.Name.Split(' ')).ToHashSet(StringComparer.OrdinalIgnoreCase)).Contains(word);

    public SentenceProfile? Profile(string storyId, int number) => _byId.GetValueOrDefault((storyId, number));

    public Story Story(string storyId) => _stories.TryGetValue(storyId, out var story) ? story : throw new InvalidOperationException($"No story '{storyId}'.");

    /// <summary>The documents to index, one per sentence.</summary>
    /// <summary>
    /// Links role phrases to the person who holds the role: in "Putin’s top diplomat", "top diplomat" is a
    /// group-mate of "minister of foreign affairs", the title of exactly one Russian in the story (Lavrov),
    /// so that sentence also answers questions that name Lavrov. Only unambiguous links are made.
    /// </summary>
    public void LinkRolePhrases(IEnumerable<(string[] Stems, IReadOnlyList<(string[] Stems, float Weight)> Related)> phrases, StoryAnalyzer analyzer)
    {
        var roles = phrases.Where(p => p.Stems.Length >= 2).ToList();
        foreach (var profile in Profiles)
        {
            foreach (var (stems, related) in roles)
            {
                if (!stems.All(profile.Terms.Contains))
                {
                    continue;
                }

                var holders = TitleStems
                    .Where(t => related.Any(r => r.Weight >= 0.8f && r.Stems.All(t.Value.Contains)) && !profile.EntityKeys.Contains(t.Key))
                    .Select(t => Person(t.Key)!)
                    .ToList();
                if (profile.Possessors.TryGetValue(stems[0], out var owner))
                {
                    holders = holders.Where(h => SameCountry(owner, h)).ToList();
                }

                if (holders.Count != 1)
                {
                    continue;
                }

                var holder = holders[0];
                profile.EntityKeys.Add(holder.Key);
                profile.AliasText += " " + holder.Name;
                foreach (var term in analyzer.Terms(holder.Name))
                {
                    if (!profile.Terms.Contains(term))
                    {
                        profile.AliasTerms[term] = Math.Max(profile.AliasTerms.GetValueOrDefault(term), 0.7f);
                    }
                }
            }
        }
    }

    /// <summary>"Putin" and Lavrov's "Russian …" title: the owner is, or is a person titled from, the holder's country.</summary>
    public bool SameCountry(string owner, NamedEntity holder)
    {
        var holderCountry = holder.Title.ToLowerInvariant().Split(' ').Where(KnownPlaces.IsPlaceOrDemonym).ToList();
        var ownerWords = Person(owner) is { } p ? p.Title.ToLowerInvariant().Split(' ').Where(KnownPlaces.IsPlaceOrDemonym).ToList() : new List<string> { owner };
        return ownerWords.Any(o => holderCountry.Any(h => h == o || KnownPlaces.Equivalents(o).Contains(h)));
    }

    public IReadOnlyList<SentenceDocument> Documents() =>
        Profiles.Select(p => new SentenceDocument(p.Sentence, p.AliasText, p.ContextText, TagNames(p.Tags))).ToList();

    private static IReadOnlyList<string> TagNames(AnswerTags tags) =>
        Enum.GetValues<AnswerTags>().Where(t => t != AnswerTags.None && tags.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()).ToList();
}
