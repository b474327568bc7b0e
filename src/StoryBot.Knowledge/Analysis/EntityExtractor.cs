namespace StoryBot.Knowledge.Analysis;

/// <summary>
/// Finds people, organisations and places in a story from capitalisation and titles, without a trained
/// model: a run of capitalised words ending in two or more name words after a title ("FBI Director
/// James Comey", "national security adviser Michael Flynn") is a person unless it ends in what an organisation is
/// ("… Trades Council", "… Development Authority": one organisation); acronyms and capitalised non-names are
/// organisations; known place names (countries, capitals, US states) are places. Surname-only mentions are linked back.
/// </summary>
public static class EntityExtractor
{
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "minister", "secretary", "director", "ambassador", "adviser", "advisor", "attorney", "general",
        "senator", "sen", "governor", "gov", "chief", "foreign", "affairs", "state", "defense", "defence", "national",
        "security", "acting", "former", "deputy", "prime", "vice", "spokesman", "spokeswoman", "spokesperson", "official",
        "leader", "commander", "king", "queen", "prince", "princess", "pope", "chancellor", "mayor", "judge", "justice",
        "speaker", "rep", "representative", "mr", "mrs", "ms", "dr", "professor", "prof", "candidate", "nominee", "envoy",
        "diplomat", "head", "chairman", "chairwoman", "chair", "ceo", "founder", "coach", "captain", "lieutenant",
        "colonel", "sergeant", "officer", "agent", "then", "then-us", "interior", "finance", "treasury", "homeland",
        "intelligence", "counsel", "special", "first", "lady", "emperor", "sheikh", "chief-of-staff", "senior",
        "manager", "editor", "analyst", "correspondent", "reporter", "executive", "inspector", "commissioner", "member",
    };

    /// <summary>Weekdays, months and the months news style shortens ("Oct. 12"): times, never a name.</summary>
    private static readonly HashSet<string> TimeWords = new(
        string.Join('|', Answering.AnswerTagger.DayNames, Answering.AnswerTagger.MonthNames, Answering.AnswerTagger.MonthAbbreviations).Split('|'),
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "the", "to", "for", "de", "van", "von" };

    private static readonly HashSet<string> CommonStarters = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "however", "it", "he", "she", "they", "this", "that", "still", "after", "before", "in", "on",
        "at", "less", "more", "ties", "critical", "us", "his", "her", "their", "its", "when", "while", "but", "and",
        "we", "i", "you", "there", "these", "those", "some", "many", "most", "all", "one", "two", "three", "four",
    };

    /// <summary>Extracts entities from the sentences (in order) and each sentence's mentions.</summary>
    public static (IReadOnlyList<NamedEntity> Entities, IReadOnlyList<IReadOnlyList<EntityMention>> Mentions) Extract(IReadOnlyList<string> sentences, string? dateline = null)
    {
        var tokenized = sentences.Select(WordTokenizer.Tokenize).ToList();
        var stated = StatedPlaces(sentences, tokenized, dateline);
        var singles = new Dictionary<string, int>(StringComparer.Ordinal); // capitalised single words → count
        foreach (var tokens in tokenized)
        {
            for (var i = 1; i < tokens.Count; i++)
            {
                if (tokens[i].IsCapitalised)
                {
                    singles[NameKey(tokens[i].Text)] = singles.GetValueOrDefault(NameKey(tokens[i].Text)) + 1;
                }
            }
        }

        var entities = new Dictionary<string, NamedEntity>(StringComparer.Ordinal);
        for (var s = 0; s < tokenized.Count; s++)
        {
            foreach (var (start, end) in Runs(tokenized[s]))
            {
                var tokens = tokenized[s];
                var nameStart = end;
                while (nameStart > start && IsNameWord(tokens[nameStart - 1]))
                {
                    nameStart--;
                }

                if (nameStart == 0 && CommonStarters.Contains(tokens[0].Lower))
                {
                    nameStart++; // "In Millbrook, …": the sentence's first word is capitalised, not a name
                }

                var nameCount = end - nameStart;
                if (nameCount >= 2 && !NameHeads.Contains(tokens[end - 1].Lower))
                {
                    var before = TitleBefore(tokens, start, nameStart);
                    var surnameKey = NameKey(tokens[end - 1].Text);
                    var nameWords = tokens.Skip(nameStart).Take(nameCount).Select(t => NameKey(t.Text)).ToList();
                    var plausible = !KnownPlaces.IsPlace(string.Join(' ', nameWords)) && !stated.Contains(string.Join(' ', nameWords)) && !nameWords.All(IsCommonWord);
                    // A title after the name does not make a name a person ("Nordvik Marine, a shipyard"); it only says who a person is.
                    var confirmed = plausible && (before.Length > 0 || PersonAppositiveAfter(sentences[s], tokens, end)
                        || (singles.GetValueOrDefault(surnameKey) > 1 && !ThingAppositiveAfter(sentences[s], tokens, end)));
                    if (confirmed && !entities.ContainsKey(surnameKey))
                    {
                        var name = string.Join(' ', tokens.Skip(nameStart).Take(nameCount).Select(t => t.Text));
                        var title = before.Length > 0 ? before : TitleAfter(sentences[s], tokens, end);
                        entities[surnameKey] = new NamedEntity(EntityKind.Person, name, surnameKey, title, s + 1) { TitleAfterName = before.Length == 0 && title.Length > 0 };
                    }
                }
            }
        }

        var personWords = entities.Values.SelectMany(e => e.Name.Split(' ')).Select(NameKey).ToHashSet(StringComparer.Ordinal);

        // Organisations and places: acronyms, known places, and capitalised words that are not names.
        for (var s = 0; s < tokenized.Count; s++)
        {
            var tokens = tokenized[s];
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (!t.IsCapitalised || (i == 0 && !t.IsAcronym && CommonStarters.Contains(t.Lower)))
                {
                    continue;
                }

                var pair = i + 1 < tokens.Count && !t.PunctuationAfter ? (t.Lower + " " + tokens[i + 1].Lower) : null;
                if (pair is not null && (KnownPlaces.IsPlace(pair) || stated.Contains(pair)))
                {
                    Add(entities, EntityKind.Place, t.Text + " " + tokens[i + 1].Text, pair, s);
                    i++;
                    continue;
                }

                var key = NameKey(t.Text);
                if (entities.ContainsKey(key) || personWords.Contains(key))
                {
                    continue; // "James" of "James Comey" is part of a name, not an organisation
                }

                if (KnownPlaces.IsPlace(t.Lower) || stated.Contains(key) || ((pair is null || !tokens[i + 1].IsCapitalised) && IsTownByLexicon(t.Lower)))
                {
                    Add(entities, EntityKind.Place, t.Text, key, s);
                }
                else if (t.IsAcronym && !KnownPlaces.IsPlaceOrDemonym(t.Lower))
                {
                    Add(entities, EntityKind.Organization, t.Text, key, s);
                }
                else if (i > 0 && !KnownPlaces.IsPlaceOrDemonym(t.Lower) && !TitleWords.Contains(t.Lower) && !TimeWords.Contains(t.Lower) && singles.GetValueOrDefault(key) > 1)
                {
                    Add(entities, EntityKind.Organization, t.Text, key, s);
                }
                else if (NameHeads.Contains(t.Lower) && OfNameEnd(tokens, i) is { } ofEnd)
                {
                    // a name that starts with what it is: "Department of Transportation", "University of Iowa"
                    Add(entities, EntityKind.Organization, string.Join(' ', tokens.Skip(i).Take(ofEnd - i + 1).Select(w => w.Text)), key, s);
                    i = ofEnd;
                }
                else if (!KnownPlaces.IsPlaceOrDemonym(t.Lower) && !TimeWords.Contains(t.Lower) && !TitleWords.Contains(t.Lower) && NamedOrganisationEnd(tokens, i) is { } last)
                {
                    // a name that ends in what it is: "Central Iowa Building Trades Council", "Economic Development Authority"
                    Add(entities, EntityKind.Organization, string.Join(' ', tokens.Skip(i).Take(last - i + 1).Select(w => w.Text)), key, s);
                    i = last;
                }
                else if (i > 0 && !KnownPlaces.IsPlaceOrDemonym(t.Lower) && !TimeWords.Contains(t.Lower) && OrganisationHeadAfter(tokens, i) is { } head)
                {
                    // capitalised words before a group noun: "the Islamic State group", "the Nordic Council"
                    Add(entities, EntityKind.Organization, string.Join(' ', tokens.Skip(i).Take(head - i + 1).Select(w => w.Text)), key, s);
                    i = head;
                }
                else if (i > 0 && i + 1 < tokens.Count && !t.PunctuationAfter && tokens[i + 1].IsCapitalised && !tokens[i + 1].IsAcronym
                    && !KnownPlaces.IsPlaceOrDemonym(t.Lower) && !TitleWords.Contains(t.Lower) && !TimeWords.Contains(t.Lower)
                    && !TitleWords.Contains(tokens[i + 1].Lower) && !TimeWords.Contains(tokens[i + 1].Lower) && !entities.ContainsKey(NameKey(tokens[i + 1].Text)))
                {
                    // another proper name of two capitalised words ("Nordvik Marine", "Islamic State"): an organisation
                    var name = t.Text + " " + tokens[i + 1].Text;
                    Add(entities, EntityKind.Organization, name, NameKey(tokens[i + 1].Text), s);
                    i++;
                }
            }
        }

        var mentions = new List<IReadOnlyList<EntityMention>>();
        foreach (var tokens in tokenized)
        {
            var found = new List<EntityMention>();
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (!t.IsCapitalised)
                {
                    continue;
                }

                if (i + 1 < tokens.Count && entities.TryGetValue(t.Lower + " " + tokens[i + 1].Lower, out var place))
                {
                    found.Add(new EntityMention(place, t.Start, tokens[i + 1].End));
                    i++;
                    continue;
                }

                if (entities.TryGetValue(NameKey(t.Text), out var entity))
                {
                    var start = t.Start;
                    if (entity.Kind == EntityKind.Person)
                    {
                        // widen to the full name when it is written out: "James Comey"
                        var first = i;
                        while (first > 0 && IsNameWord(tokens[first - 1]) && !tokens[first - 1].PunctuationAfter && entity.Name.Contains(tokens[first - 1].Text, StringComparison.Ordinal))
                        {
                            first--;
                        }

                        start = tokens[first].Start;
                    }

                    var end = t.End;
                    if (entity.Kind == EntityKind.Organization && entity.Name.Contains(' ') && entity.Name.StartsWith(t.Text, StringComparison.Ordinal))
                    {
                        var words = entity.Name.Split(' ').Length;
                        if (i + words - 1 < tokens.Count)
                        {
                            end = tokens[i + words - 1].End; // the whole name: "Islamic State group"
                        }
                    }

                    found.Add(new EntityMention(entity, start, end));
                }
            }

            foreach (var e in found.Select(f => f.Entity).Distinct())
            {
                e.Mentions++;
            }

            mentions.Add(found);
        }

        return (entities.Values.ToList(), mentions);
    }

    private static readonly HashSet<string> OrganisationHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "group", "groups", "party", "movement", "agency", "council", "committee", "company", "corporation", "union",
        "alliance", "coalition", "network", "organization", "organisation", "front", "army", "militia", "brigade",
    };

    /// <summary>
    /// The last word of an organisation's own name, capitalised as part of it ("… Trades Council", "… Development
    /// Authority"): such a name is no person's. Not <see cref="OrganisationHeads"/>, which are the lower-case nouns that
    /// follow a name ("the Islamic State group") and include words that end people's names too ("Front", "Army").
    /// </summary>
    private static readonly HashSet<string> NameHeads = new(StringComparer.Ordinal)
    {
        "council", "committee", "company", "corporation", "union", "agency", "authority", "department", "commission", "board",
        "association", "institute", "university", "bank", "court", "ministry", "bureau", "administration", "foundation",
        "federation", "league", "coalition", "alliance", "party", "organization", "organisation", "college", "hospital",
    };

    /// <summary>How many capitalised words after "of" an organisation's name may have ("Department of Health and Human Services" stops at "and").</summary>
    private const int OfNameReach = 4;

    /// <summary>
    /// The index of the last capitalised word after "of" (or "of the") that follows a capitalised head word at i
    /// ("Department of Transportation", "Bank of the West"), or null.
    /// </summary>
    private static int? OfNameEnd(IReadOnlyList<WordToken> tokens, int i)
    {
        if (i + 2 >= tokens.Count || tokens[i].PunctuationAfter || tokens[i + 1].Lower != "of" || tokens[i + 1].PunctuationAfter)
        {
            return null;
        }

        var j = tokens[i + 2].Lower == "the" && !tokens[i + 2].PunctuationAfter ? i + 3 : i + 2;
        int? last = null;
        for (; j < tokens.Count && j - i < 2 + OfNameReach && tokens[j].IsCapitalised; j++)
        {
            last = j;
            if (tokens[j].PunctuationAfter)
            {
                break;
            }
        }

        return last;
    }

    /// <summary>The index of the capitalised head word (<see cref="NameHeads"/>) that ends a run of two to six capitalised words starting at i, or null.</summary>
    private static int? NamedOrganisationEnd(IReadOnlyList<WordToken> tokens, int i)
    {
        for (var j = i + 1; j < tokens.Count && j - i < 6 && tokens[j].IsCapitalised && !tokens[j - 1].PunctuationAfter; j++)
        {
            if (NameHeads.Contains(tokens[j].Lower))
            {
                return j;
            }
        }

        return null;
    }

    // The index of a lower-case group noun right after a run of capitalised words starting at i, or null.
    private static int? OrganisationHeadAfter(IReadOnlyList<WordToken> tokens, int i)
    {
        var j = i;
        while (j + 1 < tokens.Count && tokens[j].IsCapitalised && !tokens[j].PunctuationAfter && j - i < 4)
        {
            j++;
        }

        return j > i && !tokens[j].IsCapitalised && OrganisationHeads.Contains(tokens[j].Text) ? j : null;
    }

    /// <summary>
    /// A rare word WordNet calls a city, town or state capital ("Seattle", "Tacoma"): the gazetteer knows countries,
    /// capitals and states only. A common word with a town among its senses ("reading") is not taken for one, nor a word
    /// that begins a longer name ("Mobile Power").
    /// </summary>
    private static bool IsTownByLexicon(string lower) =>
        !IsCommonWord(lower) && Lexicon.EnglishLexicon.Shared.Related(lower)
            .Any(r => r.Relation == Lexicon.WordRelation.Hypernym && Understanding.WordLists.SettlementNouns.Contains(r.Word.Split(' ')[^1]));

    // "Cold War" and "White House" are capitalised common words, not a first and last name.
    private static bool IsCommonWord(string lower) => Lexicon.EnglishLexicon.Shared.Frequency(lower) >= 10;

    /// <summary>The lookup key of a name word: lower case without an Arabic article ("al-Assad" → assad).</summary>
    public static string NameKey(string word)
    {
        var lower = word.ToLowerInvariant();
        var dash = lower.IndexOf('-');
        if (dash > 0 && lower[..dash] is "al" or "el" or "bin" or "ibn" or "abu")
        {
            return lower[(dash + 1)..];
        }

        return lower;
    }

    private static void Add(Dictionary<string, NamedEntity> entities, EntityKind kind, string name, string key, int sentence)
    {
        if (!entities.ContainsKey(key))
        {
            entities[key] = new NamedEntity(kind, name, key, string.Empty, sentence + 1);
        }
    }

    private static bool IsNameWord(WordToken t) =>
        t.IsCapitalised && !t.IsAcronym && !TitleWords.Contains(t.Lower) && !KnownPlaces.IsPlaceOrDemonym(t.Lower) && !Connectors.Contains(t.Lower);

    // Runs of capitalised words (with inner connectors such as "of"), broken at punctuation.
    private static IEnumerable<(int Start, int End)> Runs(IReadOnlyList<WordToken> tokens)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsCapitalised)
            {
                i++;
                continue;
            }

            var start = i;
            var end = i + 1;
            while (end < tokens.Count && !tokens[end - 1].PunctuationAfter)
            {
                if (tokens[end].IsCapitalised)
                {
                    end++;
                }
                else if (Connectors.Contains(tokens[end].Text) && end + 1 < tokens.Count && (tokens[end + 1].IsCapitalised || (Connectors.Contains(tokens[end + 1].Text) && end + 2 < tokens.Count && tokens[end + 2].IsCapitalised)))
                {
                    end++;
                }
                else
                {
                    break;
                }
            }

            yield return (start, end);
            i = end;
        }
    }

    private static readonly HashSet<string> HeadFollowers = new(StringComparer.Ordinal) { "of", "for", "at", "in", "who", "with", "on", "to" };

    /// <summary>
    /// A name met once and without a title before it is still a person when an appositive after it describes one —
    /// news writing introduces people that way: "Gabriel Ashdown, the lawyer who represents the riders", "Nadia
    /// Brennan, a 41-year-old nurse", "Karen Lindqvist, the authority's general manager". The appositive must start
    /// with an article and, before its first punctuation, hold a "who" clause, an age, or a title word as its head
    /// ("a shipyard in Bergen" and "a town of 4,000" hold none) — or be a "who" clause itself ("Tom Becker, who voted").
    /// </summary>
    private static bool PersonAppositiveAfter(string sentence, IReadOnlyList<WordToken> tokens, int end)
    {
        if (CommaAfter(sentence, tokens, end) && tokens[end].Lower == "who")
        {
            return true; // "Council member Tom Becker, who voted against the plan": "who" is said of people
        }

        if (!OpensAppositive(sentence, tokens, end))
        {
            return false;
        }

        for (var k = end + 1; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var next = k + 1 < tokens.Count && !t.PunctuationAfter ? tokens[k + 1].Lower : null;
            if (t.Lower.EndsWith("year-old", StringComparison.Ordinal) || next == "who"
                || (TitleWords.Contains(t.Lower) && (next is null || HeadFollowers.Contains(next))))
            {
                return true;
            }

            if (t.PunctuationAfter)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Places the story itself says are places though no gazetteer knows them (a fictional or small town): the
    /// dateline's place ("ASHGROVE, Ohio"), a name followed by a known region ("Millbrook, Iowa"), a name set off by an
    /// appositive that calls it a town ("Alder Crossing, a Portland suburb") and "the town of Millbrook". Lower case,
    /// words joined by a space; one or two words.
    /// </summary>
    private static HashSet<string> StatedPlaces(IReadOnlyList<string> sentences, IReadOnlyList<IReadOnlyList<WordToken>> tokenized, string? dateline)
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        if (dateline is not null)
        {
            // "AP, DES MOINES, Iowa", "RIVERTON, Ohio (AP)": the capitalised parts; an agency's short tag is not a place
            foreach (var part in System.Text.RegularExpressions.Regex.Replace(dateline, @"\([^)]*\)", " ").Split(',', StringSplitOptions.TrimEntries))
            {
                var letters = part.Count(char.IsLetter);
                if (letters >= 4 && part.Where(char.IsLetter).All(char.IsUpper) && part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2)
                {
                    places.Add(string.Join(' ', part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(NameKey)));
                }
            }
        }

        for (var s = 0; s < tokenized.Count; s++)
        {
            var tokens = tokenized[s];
            for (var i = 0; i < tokens.Count; i++)
            {
                // "the town of Millbrook"
                if (i >= 2 && tokens[i - 1].Lower == "of" && Understanding.WordLists.SettlementNouns.Contains(tokens[i - 2].Lower) && StatedName(tokens, i) is { } named)
                {
                    places.Add(named.Name);
                }

                // a name starts here: not inside one ("Crossing" of "Alder Crossing"), though after a sentence's "In" it may
                var insideName = i > 0 && tokens[i - 1].IsCapitalised && !tokens[i - 1].PunctuationAfter && !(i == 1 && CommonStarters.Contains(tokens[0].Lower));
                if (!tokens[i].IsCapitalised || tokens[i].IsAcronym || insideName)
                {
                    continue;
                }

                if (StatedName(tokens, i) is not { } name || !CommaAfter(sentences[s], tokens, name.End))
                {
                    continue;
                }

                var next = tokens[name.End];
                // "near Millbrook, Iowa, by …", not "Lavrov, Russia’s top diplomat": the region stands alone
                var region = next.IsCapitalised && KnownPlaces.IsPlace(next.Lower) && !KnownPlaces.IsPlace(name.Name) && (next.PunctuationAfter || name.End + 1 == tokens.Count);
                if (region || SettlementAppositiveAfter(sentences[s], tokens, name.End))
                {
                    places.Add(name.Name);
                }
            }
        }

        return places;
    }

    /// <summary>One or two capitalised words from <paramref name="start"/> that are not titles, times or known places.</summary>
    private static (string Name, int End)? StatedName(IReadOnlyList<WordToken> tokens, int start)
    {
        bool Fits(WordToken t) => t.IsCapitalised && !t.IsAcronym && !TitleWords.Contains(t.Lower) && !TimeWords.Contains(t.Lower) && !CommonStarters.Contains(t.Lower);
        if (!Fits(tokens[start]))
        {
            return null;
        }

        var end = start + 1;
        if (end < tokens.Count && !tokens[start].PunctuationAfter && Fits(tokens[end]) && !KnownPlaces.IsPlace(tokens[end].Lower))
        {
            end++;
        }

        return (string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => NameKey(t.Text))), end);
    }

    /// <summary>An appositive that calls the name before it a town, suburb, county … ("Alder Crossing, a Portland suburb").</summary>
    private static bool SettlementAppositiveAfter(string sentence, IReadOnlyList<WordToken> tokens, int end)
    {
        if (!OpensAppositive(sentence, tokens, end))
        {
            return false;
        }

        foreach (var k in AppositiveWords(tokens, end).Take(AppositiveReach))
        {
            if (tokens[k].Lower is "who" or "whose" or "that" or "which" or "of")
            {
                return false; // a clause or an "of" phrase ends the appositive's head: "a unit of Corvane", "a firm that …"
            }

            // the appositive's head, not a word describing it: "a Portland suburb", "a town of 4,800", not "a community bank"
            if (Understanding.WordLists.SettlementNouns.Contains(tokens[k].Lower)
                && (tokens[k].PunctuationAfter || k + 1 == tokens.Count || HeadEnders.Contains(tokens[k + 1].Lower)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that can follow the head noun of a place's appositive ("a town of 4,800", "a suburb where …").</summary>
    private static readonly HashSet<string> HeadEnders = new(StringComparer.Ordinal)
    {
        "of", "in", "near", "outside", "on", "where", "that", "which", "with", "north", "south", "east", "west", "about",
    };

    /// <summary>How many words of an appositive may stand before its noun ("a small Portland suburb").</summary>
    private const int AppositiveReach = 4;

    /// <summary>A comma right after the name that ends at <paramref name="end"/>, and a word after it.</summary>
    private static bool CommaAfter(string sentence, IReadOnlyList<WordToken> tokens, int end) =>
        end < tokens.Count && tokens[end - 1].End < sentence.Length && sentence[tokens[end - 1].End] == ',';

    /// <summary>An appositive after the name: a comma, then an article ("Nadia Brennan, a 41-year-old nurse").</summary>
    private static bool OpensAppositive(string sentence, IReadOnlyList<WordToken> tokens, int end) =>
        CommaAfter(sentence, tokens, end) && tokens[end].Lower is "the" or "a" or "an";

    /// <summary>
    /// An appositive that says the name is a thing: it opens with an article and, before its first punctuation, holds
    /// no word for a person, no age and no "who" ("Alder Crossing, a Portland suburb"). A name used twice is otherwise
    /// taken for a person, and a place that also names a fire district is used twice.
    /// </summary>
    private static bool ThingAppositiveAfter(string sentence, IReadOnlyList<WordToken> tokens, int end)
    {
        if (!OpensAppositive(sentence, tokens, end))
        {
            return false;
        }

        foreach (var k in AppositiveWords(tokens, end))
        {
            var t = tokens[k];
            if (t.Lower == "who" || t.Lower.EndsWith("year-old", StringComparison.Ordinal) || TitleWords.Contains(t.Lower) || (!t.IsCapitalised && Understanding.PersonNouns.IsPeople(t.Lower)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The positions of an appositive's words after its article (at <paramref name="end"/>), to its first punctuation.</summary>
    private static IEnumerable<int> AppositiveWords(IReadOnlyList<WordToken> tokens, int end)
    {
        for (var k = end + 1; k < tokens.Count; k++)
        {
            yield return k;
            if (tokens[k].PunctuationAfter)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// A title set off by commas after a name, as news writes it: "Rosa Quintero, president of Local 509, said" →
    /// "president of Local 509"; "Dale Whitcomb, the council’s president, said" → "the council’s president"; "Marisol
    /// Vega, a home health aide who …" → "a home health aide". It must hold a title word or open with an article, and
    /// be short; a clause ("whose family has farmed …") is not a title.
    /// </summary>
    private static string TitleAfter(string sentence, IReadOnlyList<WordToken> tokens, int end)
    {
        const int maxWords = 8;
        if (!CommaAfter(sentence, tokens, end))
        {
            return string.Empty;
        }

        var last = -1;
        for (var k = end; k < tokens.Count && k < end + maxWords; k++)
        {
            if (tokens[k].Lower is "who" or "whose" or "which" or "that")
            {
                last = k - 1; // the relative clause describes; the noun before it is the title
                break;
            }

            if (tokens[k].PunctuationAfter)
            {
                last = tokens[k].End < sentence.Length && sentence[tokens[k].End] == ',' ? k : -1;
                break;
            }
        }

        if (last < end)
        {
            return string.Empty;
        }

        var words = tokens.Skip(end).Take(last - end + 1).ToList();
        var titled = words.Any(w => TitleWords.Contains(w.Lower)) || words[0].Lower is "the" or "a" or "an";
        return titled && words.Count >= 2 ? sentence[words[0].Start..words[^1].End] : string.Empty;
    }

    // The title words before a name: the capitalised run before it plus lower-case title words before the run.
    private static string TitleBefore(IReadOnlyList<WordToken> tokens, int runStart, int nameStart)
    {
        var first = runStart;
        while (first > 0 && !tokens[first - 1].PunctuationAfter && (TitleWords.Contains(tokens[first - 1].Lower) || KnownPlaces.IsPlaceOrDemonym(tokens[first - 1].Lower) || tokens[first - 1].Lower.StartsWith("then-", StringComparison.Ordinal)))
        {
            first--;
        }

        var words = tokens.Skip(first).Take(nameStart - first).Select(t => t.Text).ToList();
        var hasTitle = words.Any(w => TitleWords.Contains(w) || w.StartsWith("then-", StringComparison.OrdinalIgnoreCase));
        return hasTitle ? string.Join(' ', words) : string.Empty;
    }
}
