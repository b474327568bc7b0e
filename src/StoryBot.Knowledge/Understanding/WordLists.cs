using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// The general word lists understanding and answering share, read once from data files under
/// <c>Understanding/Data/WordLists/</c>: one owner per list, so a list cannot drift between the places that use it.
/// </summary>
public static class WordLists
{
    private static readonly Lazy<IReadOnlySet<string>> Speech = new(() => Words("speech-verbs.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Opinion = new(() => Words("opinion-words.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Groups = new(() => Words("group-nouns.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Settlements = new(() => Words("settlement-nouns.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Function = new(() => Words("function-words.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Openers = new(() => Words("phrase-openers.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Percent = new(() => Words("percent-words.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Passive = new(() => Words("passive-auxiliaries.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Discourse = new(() => Words("discourse-markers.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Naming = new(() => Words("naming-words.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Tails = new(() => Words("choice-tails.txt"));
    private static readonly Lazy<IReadOnlyList<string>> Reasons = new(() => Lines("reason-markers.txt"));
    private static readonly Lazy<Regex> ReasonPattern = new(() => Alternation(Reasons.Value, RegexOptions.IgnoreCase));
    private static readonly Lazy<Regex> BotPattern = new(() => Alternation(Lines("bot-references.txt"), RegexOptions.IgnoreCase));
    private static readonly Lazy<Regex> SpeechPattern = new(() => Alternation(Speech.Value, RegexOptions.None));
    private static readonly Lazy<IReadOnlyDictionary<QuestionType, IReadOnlySet<string>>> Types = new(LoadTypeWords);
    private static readonly Lazy<IReadOnlyList<(IReadOnlySet<string> Nouns, IReadOnlySet<string> Verbs)>> Measures = new(LoadMoneyMeasures);
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>> Open = new(() =>
        Sections("open-clauses.txt").ToDictionary(s => s.Key, s => (IReadOnlySet<string>)s.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>> Degrees = new(() =>
        Sections("degree-units.txt").ToDictionary(s => s.Key, s => (IReadOnlySet<string>)s.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));

    /// <summary>Every form of the verbs that report speech (say, said, told, warned …).</summary>
    public static IReadOnlySet<string> SpeechVerbs => Speech.Value;

    /// <summary>A whole-word match of any speech verb (lower case).</summary>
    public static Regex SpeechVerb => SpeechPattern.Value;

    /// <summary>Words that ask for what someone thinks or said (think, reaction, stance …).</summary>
    public static IReadOnlySet<string> OpinionWords => Opinion.Value;

    /// <summary>Common nouns for groups of people that can answer who (rebels, investigators …); case-insensitive.</summary>
    public static IReadOnlySet<string> GroupNouns => Groups.Value;

    /// <summary>Nouns for towns, suburbs, counties and the like (suburb, town, county …); case-insensitive.</summary>
    public static IReadOnlySet<string> SettlementNouns => Settlements.Value;

    /// <summary>Closed-class words an answer span neither starts nor ends with (the, of, was …); case-insensitive.</summary>
    public static IReadOnlySet<string> FunctionWords => Function.Value;

    /// <summary>Prepositions and conjunctions that open a phrase inside a clause (at, because, after …); case-insensitive.</summary>
    public static IReadOnlySet<string> PhraseOpeners => Openers.Value;

    /// <summary>Nouns that ask for a percentage ("what percent of …"); a percentage counts them.</summary>
    public static IReadOnlySet<string> PercentWords => Percent.Value;

    /// <summary>Forms of "be" and "get" that make the participle after them passive (was, got, been …); case-insensitive.</summary>
    public static IReadOnlySet<string> PassiveAuxiliaries => Passive.Value;

    /// <summary>Words a chat question may open with that ask nothing themselves ("wait", "ok", "so", "hey").</summary>
    public static IReadOnlySet<string> DiscourseMarkers => Discourse.Value;

    /// <summary>Words that give a thing its name after it ("known as", "called", "dubbed").</summary>
    public static IReadOnlySet<string> NamingWords => Naming.Value;

    /// <summary>Words after "or" that end a yes/no question without a second choice ("or not", "or nah", "or what").</summary>
    public static IReadOnlySet<string> ChoiceTails => Tails.Value;

    /// <summary>A whole-word match of a word by which a message refers to the bot (you, bot, this thing …), any case.</summary>
    public static Regex BotReference => BotPattern.Value;

    /// <summary>A whole-word match of a reason marker (because, in response, amid …), any case.</summary>
    public static Regex ReasonMarker => ReasonPattern.Value;

    /// <summary>Whether <paramref name="word"/> asks for an amount of money and names what it measures (salary, revenue, fare …).</summary>
    public static bool IsMoneyMeasureNoun(string word) => Measures.Value.Any(m => m.Nouns.Contains(word)) && !TypeWords(QuestionType.HowMuch).Contains(word);

    /// <summary>Whether <paramref name="word"/>, after "how much", asks for an amount of money and names what it measures (earn, make, charge …).</summary>
    public static bool IsMoneyMeasureVerb(string word) => Measures.Value.Any(m => m.Verbs.Contains(word));

    /// <summary>The words that measure the same amount as <paramref name="word"/> ("make" → earn, wage, salary …), itself included.</summary>
    public static IReadOnlySet<string> MoneyMeasuresLike(string word) =>
        Measures.Value.Where(m => m.Nouns.Contains(word) || m.Verbs.Contains(word)).SelectMany(m => m.Nouns.Concat(m.Verbs)).Append(word).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The units a "how &lt;adjective&gt;" question's number must carry ("fast" → mph, knots …; empty for "big": any number),
    /// or null when <paramref name="adjective"/> asks for no measure.
    /// </summary>
    public static IReadOnlySet<string>? DegreeUnits(string adjective) => Degrees.Value.TryGetValue(adjective, out var units) ? units : null;

    /// <summary>Whether <paramref name="word"/> (or its singular) names a kind of answer for any question type ("time", "dates", "country").</summary>
    public static bool IsTypeWord(string word) =>
        Types.Value.Values.Any(words => words.Contains(word) || (word.Length > 3 && word.EndsWith('s') && words.Contains(word[..^1])));

    /// <summary>Whether <paramref name="lowerWord"/> can open a clause a sentence leaves open ("whether", "how").</summary>
    public static bool OpensClause(string lowerWord) => Open.Value["openers"].Contains(lowerWord);

    /// <summary>Whether <paramref name="lowerWord"/> asks another to do something ("asked", "urged"): what follows its "to" is not done.</summary>
    public static bool Requests(string lowerWord) => Open.Value["requests"].Contains(lowerWord);

    /// <summary>Whether <paramref name="lowerWord"/> ends what was asked: after it a sentence goes on with what was done ("and offered …").</summary>
    public static bool EndsRequest(string lowerWord) => Open.Value["request-ends"].Contains(lowerWord);

    /// <summary>Whether a question with <paramref name="lowerWord"/> asks about a request or a wish ("asking", "want", "demand").</summary>
    public static bool AsksAboutAWish(string lowerWord) => Open.Value["wishes"].Contains(lowerWord);

    /// <summary>Whether <paramref name="lowerWord"/> before such a word says it is not known ("not", "unclear", "declined", "didn't").</summary>
    public static bool LeavesOpen(string lowerWord) =>
        Open.Value["cues"].Contains(lowerWord) || lowerWord.EndsWith("n't", StringComparison.Ordinal) || lowerWord.EndsWith("n’t", StringComparison.Ordinal);

    /// <summary>Words naming the kind of answer a question of <paramref name="type"/> wants (cost, date, place …).</summary>
    public static IReadOnlySet<string> TypeWords(QuestionType type) =>
        Types.Value.TryGetValue(type, out var words) ? words : new HashSet<string>();

    private static Regex Alternation(IEnumerable<string> phrases, RegexOptions options) =>
        new(@"\b(?:" + string.Join("|", phrases.OrderByDescending(p => p.Length).Select(p => Regex.Escape(p).Replace(@"\ ", @"\s+"))) + @")\b", options | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static IReadOnlySet<string> Words(string file) =>
        Lines(file).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyDictionary<QuestionType, IReadOnlySet<string>> LoadTypeWords()
    {
        var types = new Dictionary<QuestionType, IReadOnlySet<string>>();
        foreach (var (name, words) in Sections("question-type-words.txt"))
        {
            if (!Enum.TryParse<QuestionType>(name, out var type))
            {
                throw new InvalidDataException($"Bad question-type-words section: '{name}'.");
            }

            types[type] = words.ToHashSet(StringComparer.Ordinal);
        }

        return types;
    }

    private static IReadOnlyList<(IReadOnlySet<string> Nouns, IReadOnlySet<string> Verbs)> LoadMoneyMeasures() =>
        Sections("money-measures.txt").Values.Select(words =>
        {
            var verbs = words.SkipWhile(w => w != "|").Skip(1).ToHashSet(StringComparer.Ordinal);
            return ((IReadOnlySet<string>)words.TakeWhile(w => w != "|").ToHashSet(StringComparer.Ordinal), (IReadOnlySet<string>)verbs);
        }).ToList();

    /// <summary>The lines of <paramref name="file"/> of the form "Name: words", by name.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Sections(string file)
    {
        var sections = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in Lines(file))
        {
            var parts = line.Split(':', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[0].Contains(' ', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Bad {file} line: '{line}'.");
            }

            sections[parts[0].Trim()] = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        return sections;
    }

    private static IReadOnlyList<string> Lines(string file)
    {
        var name = "StoryBot.Knowledge.WordLists." + file;
        using var stream = typeof(WordLists).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The word list '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
