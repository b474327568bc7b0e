using System.Text.RegularExpressions;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Recognises the answer type a question asks for from its wording ("how many" → a number, "when" → a
/// time expression, "which city" → a place). Works on the normalised text, anywhere in the sentence, so
/// "and Comey was fired when?" is still a when-question.
/// </summary>
public static partial class QuestionClassifier
{
    [GeneratedRegex(@"\bhow (many|much)\b|\bwhat (number|percent|percentage|share|proportion)\b|\b(number of|count of)\b")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\bhow much\b.*\b(cost|costs|spend|spent|pay|paid|price|worth|money|budget|dollars?)\b|\bwhat did .* cost\b|\bhow expensive\b")]
    private static partial Regex Money();

    // "what's karen lindqvist's salary", "what was the company's revenue last year": a measure noun heads what is asked
    [GeneratedRegex(@"^(?:so |and |ok |okay |but )?what(?:'s|s| is| was| are| were| will be| would be) (?:[a-z\-']+ ){0,4}?(?<noun>[a-z]+)(?: (?:of|for|per|last|this|next|in|at|from|now|today|each|every|a|an)\b.*)?$")]
    private static partial Regex WhatIsHead();

    // "what do the mechanics get paid", "what does she earn": the amount they are paid
    [GeneratedRegex(@"^(?:so |and |ok |okay |but )?what (?:do|does|did|will|would) (?:[a-z\-']+ ){1,4}(?:get paid|got paid|gets paid|earn|earns|earned)\b")]
    private static partial Regex WhatPaid();

    // "how fast can it go", "how tall is the tower"; "how far along", "how far over budget", "how far behind" ask for progress
    [GeneratedRegex(@"\bhow (?<adjective>[a-z]+)\b(?! (?:along|over|behind|ahead|above|below|under|off|into|back)\b)")]
    private static partial Regex HowAdjective();

    [GeneratedRegex(@"\bhow long\b|\bfor how long\b|\bhow much time\b|\bhow many (years|months|weeks|days|hours)\b|\bsince when\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\bhow old\b|\bwhat age\b|\b(his|her|their) age\b")]
    private static partial Regex Age();

    [GeneratedRegex(@"\bwhen\b|\bwhat (time|day|date|month|year|week)\b|\bwhich (day|date|month|year|week)\b|\bon what (day|date)\b|\bhow soon\b|\bhow recently\b|\bby when\b|\bwhat(?:'s| is| was| s|s)? the (?:date|deadline|due date|start date|end date)\b|\bwhat (?:deadline|due date)\b")]
    private static partial Regex When();

    // a question word before a bare "when": "where was the guard when it happened" asks where; the when-clause only dates it
    [GeneratedRegex(@"\b(?:where|who|whom|whose|which|what|how)\b")]
    private static partial Regex EarlierQuestionWord();

    [GeneratedRegex(@"\bwhere\b|^were (?:is|are|was|did|does|do|will|can|could|should|would)\b|\bwhich (?:[a-z]+ )?(cit(?:y|ies)|countr(?:y|ies)|places?|towns?|capitals?|locations?|buildings?|venues?|nations?|regions?)\b|\bwhat (cit(?:y|ies)|countr(?:y|ies)|places?|towns?|capitals?|locations?|buildings?|venues?|nations?|regions?)\b|\bin what (city|country|place)\b")]
    private static partial Regex Where();

    [GeneratedRegex(@"\bwho(m|se)?\b|\bwhich (?:[a-z\-]+ )?(person|people|official|officials|man|woman|politician|politicians|leader|leaders|group|groups|agency|agencies|organi[sz]ation|party|minister|diplomat|diplomats|president|envoy|nominee|candidate|ex|former|senator|lawmaker|adviser|advisor|ally|allies)\b|\bwhat (person|official|group|agency|organi[sz]ation|party)\b|\bname of the (person|man|woman|official)\b")]
    private static partial Regex Who();

    [GeneratedRegex(@"\bwhy\b|\bwhat (is|was) the reason\b|\bfor what reason\b|\bhow come\b|\bwhat (led|caused|prompted|drove)\b|\bon what grounds\b")]
    private static partial Regex Why();

    [GeneratedRegex(@"^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|shall|may|might)\b")]
    private static partial Regex YesNo();

    [GeneratedRegex(@"\bhow\b")]
    private static partial Regex How();

    // "what's the deal with X", "what's up with X": casual for "tell me about X"; the frame's noun is not a topic.
    [GeneratedRegex(@"^(?:so |and |ok |okay )?what(?:'s|s| is| was)? (?:the )?(?<frame>deal|story|situation|lowdown|scoop|up|going on|happening) (?:with|about)\b")]
    private static partial Regex AboutFrame();

    // A statement with at least three words and a confirmation tag at its end ("trump denies any links to russia right").
    [GeneratedRegex(@"^(?:\S+ ){3,}(?<tag>right|yeah|correct|innit)$")]
    private static partial Regex ConfirmationTag();

    [GeneratedRegex(@"\b(what|which)\b")]
    private static partial Regex What();

    [GeneratedRegex(@"\bwhat(?:'s| is| was| are| were)? the names? of\b|\bwhat(?:'s| is| was)? (?:the |that |this )?[a-z\- ]{1,40} (?:called|named)\b|\bwhat(?:'s| is| was)? (?:the |that |this )?[a-z\-]+(?: [a-z\-]+){0,3}'s? names?$")]
    private static partial Regex Name();

    [GeneratedRegex(@"\bnames? of (?:the |a |an |that |this )?(?<head>[a-z\- ]+?)(?= (?:the|that|which|who|where|when|they|he|she|it|we|you|is|was|were|did|does|do)\b|$)|\bwhat(?:'s| is| was)? (?:the |that |this )?(?<head>[a-z\- ]{1,40}?) (?:called|named)\b|\bwhat(?:'s| is| was)? (?:the |that |this )?(?<head>[a-z\-]+(?: [a-z\-]+){0,3})'s? names?$")]
    private static partial Regex NameHead();

    // "what party is she in", "what's the population of X": a noun right after "what (is) (the)" that an auxiliary or "of"
    // follows is the noun asked for, as after "which"
    [GeneratedRegex(@"^which (?<head>[a-z\-]+)(?: [a-z\-]+)?|\bwhat (?:kinds?|types?|sorts?) of (?<head>[a-z\-]+)(?: [a-z\-]+)?|^what(?:'s| is| was| are| were)? (?:the |a |an )?(?<head>[a-z\-]+)(?= (?:of|does|did|do|is|was|are|were|has|have|had|will|would|can|could)\b)")]
    private static partial Regex WhichHead();

    /// <summary>
    /// The confirmation tag that ends a statement typed as a question ("trump denies any links to russia, right?"),
    /// or null: the tag asks to confirm what comes before it and names nothing the story could say.
    /// </summary>
    public static string? TagOf(string normalizedText) =>
        ConfirmationTag().Match(normalizedText) is { Success: true } m ? m.Groups["tag"].Value : null;

    /// <summary>
    /// The words of a casual "tell me about" frame ("what's the deal with the tomahawks" → deal), or none: they name how
    /// the question is put, not what it is about.
    /// </summary>
    public static string[] FrameWords(string normalizedText) =>
        AboutFrame().Match(normalizedText) is { Success: true } m ? m.Groups["frame"].Value.Split(' ') : Array.Empty<string>();

    /// <summary>The answer type of <paramref name="normalizedText"/> (see <see cref="IntentClassifier.Normalize"/>).</summary>
    public static QuestionType Classify(string normalizedText)
    {
        var t = normalizedText;
        if (Name().IsMatch(t))
        {
            // the name of a person is a person: "what was the name of the fbi guy" asks who
            return NamedNoun(t) is { } noun && WordLists.TypeWords(QuestionType.Who).Contains(noun) ? QuestionType.Who : QuestionType.Name;
        }

        if (Age().IsMatch(t))
        {
            return QuestionType.HowOld;
        }

        if (Duration().IsMatch(t))
        {
            return QuestionType.HowLong;
        }

        if (Money().IsMatch(t) || MoneyMeasure(t) is not null || WhatPaid().IsMatch(t))
        {
            return QuestionType.HowMuch;
        }

        if (Quantity().IsMatch(t) || DegreeAsked(t) is not null)
        {
            return QuestionType.HowMany;
        }

        if (Why().IsMatch(t))
        {
            return QuestionType.Why;
        }

        if (When().Match(t) is { Success: true } when && !ClauseWhen(t, when))
        {
            return QuestionType.When;
        }

        if (Where().IsMatch(t))
        {
            return QuestionType.Where;
        }

        if (AsksWho(t))
        {
            return QuestionType.Who;
        }

        if (How().IsMatch(t))
        {
            return QuestionType.How;
        }

        if (What().IsMatch(t))
        {
            return QuestionType.What;
        }

        return YesNo().IsMatch(t) || TagOf(t) is not null ? QuestionType.YesNo : QuestionType.Other;
    }

    /// <summary>
    /// The counted noun of a how-many question: the last word of the phrase after "how many", which ends at
    /// an auxiliary, an article, a preposition or a verb form ("how many cruise missiles did …" → missiles,
    /// "how many ppl died …" → ppl, "how many de escalation zones are planned" → zones). Null when absent.
    /// </summary>
    public static string? CountedNoun(string normalizedText) => CountedPhrase(normalizedText)?.Split(' ')[^1];

    /// <summary>The adjective of a "how fast / far / tall …" question that asks for a measure (<see cref="WordLists.DegreeUnits"/>), or null.</summary>
    public static string? DegreeAsked(string normalizedText) =>
        HowAdjective().Match(normalizedText) is { Success: true } m && WordLists.DegreeUnits(m.Groups["adjective"].Value) is not null ? m.Groups["adjective"].Value : null;

    /// <summary>Whether a who-word or a who-phrase ("which official") asks the question, not only a relative clause (<see cref="RelativeWho"/>).</summary>
    private static bool AsksWho(string normalizedText)
    {
        for (var m = Who().Match(normalizedText); m.Success; m = m.NextMatch())
        {
            if (!RelativeWho(normalizedText, m))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the matched <paramref name="who"/> is a bare "who" opening a relative clause after another question word and
    /// a noun: "what are schools doing for students who show up late" asks what; "what about who" or "with whom" still ask who.
    /// </summary>
    private static bool RelativeWho(string normalizedText, Match who)
    {
        if (who.Value is not ("who" or "whom" or "whose") || EarlierQuestionWord().Match(normalizedText, 0, who.Index) is not { Success: true })
        {
            return false;
        }

        var before = normalizedText[..who.Index].TrimEnd();
        var previous = before[(before.LastIndexOf(' ') + 1)..];
        return previous.Length > 0 && char.IsLetter(previous[^1]) && !WordLists.FunctionWords.Contains(previous) && EarlierQuestionWord().Match(previous) is not { Success: true };
    }

    /// <summary>Whether the matched <paramref name="when"/> is a bare "when" opening a clause after another question word.</summary>
    private static bool ClauseWhen(string normalizedText, Match when) =>
        when.Value == "when" && EarlierQuestionWord().Match(normalizedText, 0, when.Index) is { Success: true };

    /// <summary>
    /// The word of a money question that names what the amount measures ("how much do the mechanics make" → make, "what
    /// was the company's revenue" → revenue), from <see cref="WordLists.IsMoneyMeasureNoun"/> and, after "how much",
    /// <see cref="WordLists.IsMoneyMeasureVerb"/>; null when the question names none, or only says cost, price or pay,
    /// which any amount answers.
    /// </summary>
    public static string? MoneyMeasure(string normalizedText)
    {
        var at = normalizedText.IndexOf("how much ", StringComparison.Ordinal);
        if (at >= 0)
        {
            foreach (var word in normalizedText[(at + 9)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (WordLists.IsMoneyMeasureNoun(word) || WordLists.IsMoneyMeasureVerb(word))
                {
                    return word;
                }
            }

            return null;
        }

        var head = WhatIsHead().Match(normalizedText);
        return head.Success && WordLists.IsMoneyMeasureNoun(head.Groups["noun"].Value) ? head.Groups["noun"].Value : null;
    }

    [GeneratedRegex(@"^of (?:the|these|those|its|their|our|his|her) (?:\d[\d,]* )?")]
    private static partial Regex PartOf();

    /// <summary>The words after "how many" up to the first auxiliary, article, preposition or verb form ("cruise missiles hit").</summary>
    public static string? CountedPhrase(string normalizedText)
    {
        var at = normalizedText.IndexOf("how many ", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        // "how many of the 38 fires were in canada" counts fires
        var rest = PartOf().Replace(normalizedText[(at + 9)..], string.Empty, 1);
        var phrase = new List<string>();
        foreach (var word in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Auxiliaries.Contains(word) || PhraseBreaks.Contains(word) || (phrase.Count > 0 && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal))))
            {
                break;
            }

            phrase.Add(word);
            if (IsPlural(word))
            {
                break; // a compound ends with its plural: "how many people visit …" counts people, "bus drivers" drivers
            }
        }

        return phrase.Count == 0 ? null : string.Join(' ', phrase);
    }

    /// <summary>
    /// A plural noun by its form: a regular -s plural of four letters or more ("us", "news", "bus", "class", "crisis"
    /// are not), or a word that is written out to the irregular "people" ("ppl", "ppls").
    /// </summary>
    private static bool IsPlural(string word) =>
        Slang.Expand(word) is "people" or "men" or "women" or "children"
        || (word.Length >= 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal) && !word.EndsWith("ws", StringComparison.Ordinal));

    private static readonly HashSet<string> PhraseBreaks = new(StringComparer.Ordinal)
    {
        "an", "that", "which", "who", "were", "will", "there", "they", "he", "she", "it", "we", "you", "per", "each", "from",
        "by", "with", "into", "since", "during", "so", "far", "have", "has", "had", "got", "get", "be", "been",
    };

    /// <summary>The noun whose name is asked for ("what is the name of the air base …" → base), or null.</summary>
    public static string? NamedNoun(string normalizedText)
    {
        var m = NameHead().Match(normalizedText);
        return m.Success ? m.Groups["head"].Value.Trim().Split(' ')[^1] : null;
    }

    /// <summary>
    /// How many words at the start of <paramref name="normalizedText"/> are discourse markers ("wait so who is X" → 2)
    /// that a question word follows; 0 when none are, or when no question word follows them ("so tired lol").
    /// </summary>
    public static int LeadingDiscourseMarkers(string normalizedText)
    {
        var words = normalizedText.Split(' ');
        var n = 0;
        while (n < words.Length - 1 && WordLists.DiscourseMarkers.Contains(words[n]))
        {
            n++;
        }

        return n > 0 && QuestionOpeners.Contains(words[n]) ? n : 0;
    }

    private static readonly HashSet<string> QuestionOpeners = new(StringComparer.Ordinal)
    {
        "who", "who's", "whos", "what", "what's", "whats", "when", "when's", "whens", "where", "where's", "wheres", "why", "how", "how's", "hows", "which", "whose",
        "is", "are", "was", "were", "did", "does", "do", "can", "could", "will", "would", "has", "have", "had", "should", "r",
    };

    /// <summary>
    /// The word a who-question asks about, after "who", its auxiliaries and an article ("who's gonna replace comey" →
    /// replace), or null when an auxiliary opens a question about another subject ("who did comey fire").
    /// </summary>
    public static string? WhoAsksAbout(string normalizedText)
    {
        var m = WhoWord().Match(normalizedText);
        return m.Success && !Auxiliaries.Contains(m.Groups["word"].Value) ? m.Groups["word"].Value : null;
    }

    [GeneratedRegex(@"^(?:and |but )?who(?:'s|s| is| was| will| would| could| can| might| may| should| has| had)?(?: (?:gonna|going to|about to|likely to|expected to|set to|be|been|have|ever|actually|really|finally|now))* (?:the |a |an )?(?<word>[a-z][a-z\-]*)")]
    private static partial Regex WhoWord();

    /// <summary>The noun of a which-noun question ("which congressional committees …" → committees, "what party is she in" → party), or null.</summary>
    public static string? WhichNoun(string normalizedText)
    {
        var m = WhichHead().Match(normalizedText);
        if (!m.Success)
        {
            return null;
        }

        if (!m.Value.StartsWith("which ", StringComparison.Ordinal))
        {
            // "what kind of zones" → zones, "what party is she in" → party; never an auxiliary ("what is in the bill")
            var head = m.Groups["head"].Value;
            return Auxiliaries.Contains(head) ? null : head;
        }

        var words = m.Value.Split(' ');
        // "which bikes r affected": chat shorthand for an auxiliary ("r" → are) ends the noun phrase like the auxiliary
        var candidate = words.Length > 2 && !Auxiliaries.Contains(words[2]) && !Auxiliaries.Contains(Slang.WriteOut(words[2])) ? words[2] : words[1];
        return Auxiliaries.Contains(candidate) || candidate is "kind" or "kinds" or "sort" or "type" or "types" ? null : candidate;
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "did", "does", "do", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "the", "a",
        "of", "in", "on", "at", "to", "for", "s", "about", "happened", "happens", "happen",
    };
}
