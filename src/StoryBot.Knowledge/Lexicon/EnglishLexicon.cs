using System.Buffers.Binary;
using System.Text;

namespace StoryBot.Knowledge.Lexicon;

/// <summary>
/// A general English lexicon built offline from WordNet 3.1 (tools/lexicon), so the bot can
/// understand paraphrased questions without a network: tell words from typos
/// (<see cref="IsWord"/>), reduce inflections to lemmas (<see cref="BaseForms"/>, WordNet's morphy)
/// and expand a lemma to weighted synonyms, broader/narrower terms and derived forms
/// (<see cref="Related"/>). Immutable after load and safe to share between threads.
/// </summary>
public sealed class EnglishLexicon
{
    private const int IdMask = (1 << 22) - 1;

    private static readonly Lazy<EnglishLexicon> s_shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, int> _ids;
    private readonly string[] _lemmas;
    private readonly WordPos[] _pos;
    private readonly int[] _tagCounts;
    private readonly byte[] _relations; // the raw relations.bin: header, offsets, edges
    private readonly int _edgesStart;
    private readonly Dictionary<string, (WordPos Pos, string Base)[]> _exceptions;

    private EnglishLexicon(
        Dictionary<string, int> ids,
        string[] lemmas,
        WordPos[] pos,
        int[] tagCounts,
        byte[] relations,
        Dictionary<string, (WordPos Pos, string Base)[]> exceptions)
    {
        _ids = ids;
        _lemmas = lemmas;
        _pos = pos;
        _tagCounts = tagCounts;
        _relations = relations;
        _edgesStart = 16 + (4 * (lemmas.Length + 1));
        _exceptions = exceptions;
    }

    /// <summary>The process-wide lexicon, loaded from embedded resources on first use.</summary>
    public static EnglishLexicon Shared => s_shared.Value;

    /// <summary>Number of distinct lemmas (all parts of speech).</summary>
    public int LemmaCount => _lemmas.Length;

    /// <summary>
    /// True if <paramref name="lowerWord"/> is a WordNet lemma or an inflection of one ("said",
    /// "talks"); false for typos such as "presidnet". Function words (the, of, and) are not in
    /// WordNet and also give false.
    /// </summary>
    public bool IsWord(string lowerWord)
    {
        if (string.IsNullOrEmpty(lowerWord))
        {
            return false;
        }

        return _ids.ContainsKey(lowerWord) || BaseForms(lowerWord).Any();
    }

    /// <summary>The parts of speech <paramref name="lemma"/> has as a lemma; <see cref="WordPos.None"/> when it is not one.</summary>
    internal WordPos PartsOfSpeech(string lemma) =>
        lemma is not null && _ids.TryGetValue(lemma, out int id) ? _pos[id] : WordPos.None;

    /// <summary>True if <paramref name="lowerWord"/> is itself a lemma (no morphology applied).</summary>
    public bool IsLemma(string lowerWord) => lowerWord is not null && _ids.ContainsKey(lowerWord);

    /// <summary>
    /// How often the lemma's senses were tagged in WordNet's sense-tagged corpus: a rough
    /// frequency for choosing between candidates (0 for rare or unknown words).
    /// </summary>
    public int Frequency(string lemma) =>
        lemma is not null && _ids.TryGetValue(lemma, out int id) ? _tagCounts[id] : 0;

    /// <summary>
    /// WordNet "morphy": the lemmas that <paramref name="lowerWord"/> can be an inflection of, the
    /// word itself first when it is a lemma, then irregular forms from the exception lists
    /// ("said" → "say", "children" → "child"), then regular suffix rules ("sacked" → "sack"),
    /// each validated against the vocabulary for its part of speech. Empty for unknown words.
    /// Also handles a possessive 's and multiword phrases ("attorneys general", "sitting down").
    /// </summary>
    public IEnumerable<string> BaseForms(string lowerWord)
    {
        if (string.IsNullOrEmpty(lowerWord))
        {
            return [];
        }

        var found = new List<string>(4);
        AddBaseForms(lowerWord, found);
        if (found.Count == 0 && TryStripPossessive(lowerWord, out string? stem))
        {
            AddBaseForms(stem, found);
        }

        if (found.Count == 0 && lowerWord.Contains(' '))
        {
            AddPhraseBaseForms(lowerWord, found);
        }

        return found;
    }

    /// <summary>
    /// Words related to <paramref name="lemma"/>, best first, weights 0..1. Inflected input is
    /// welcome: the relations of every base form are merged (best weight wins), and base forms
    /// other than the word itself are included as <see cref="WordRelation.Derived"/> with weight 1,
    /// so "sacked" (also an adjective lemma, "ravaged") still reaches "fire" through "sack", and
    /// "said" reaches "say" and "state". Rare senses were dropped when the data was generated, so
    /// the list favours precision.
    /// </summary>
    public IReadOnlyList<RelatedWord> Related(string lemma)
    {
        if (string.IsNullOrEmpty(lemma))
        {
            return [];
        }

        List<string> baseForms = (List<string>)BaseForms(lemma);
        if (baseForms.Count == 1 && baseForms[0] == lemma)
        {
            int id = _ids[lemma];
            var list = new List<RelatedWord>(EdgeCount(id));
            AppendEdges(id, list);
            return list;
        }

        var best = new Dictionary<string, RelatedWord>(StringComparer.Ordinal);
        var edges = new List<RelatedWord>();
        foreach (string baseForm in baseForms)
        {
            edges.Clear();
            AppendEdges(_ids[baseForm], edges);
            if (baseForm != lemma)
            {
                edges.Add(new RelatedWord(baseForm, 1f, WordRelation.Derived));
            }

            foreach (RelatedWord edge in edges)
            {
                if (edge.Word != lemma
                    && (!best.TryGetValue(edge.Word, out RelatedWord current) || current.Weight < edge.Weight))
                {
                    best[edge.Word] = edge;
                }
            }
        }

        return best.Values
            .OrderByDescending(r => r.Weight)
            .ThenBy(r => r.Word, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Likely intended words for a typo: every word one edit away (a letter deleted, inserted,
    /// replaced, or two neighbours swapped) that <see cref="IsWord"/> accepts, most frequent first
    /// ("presidnet" → "president"). Empty for words shorter than 4 letters, where one edit reaches
    /// too many words to guess from, and for words that are already English.
    /// </summary>
    public IReadOnlyList<string> SpellingSuggestions(string lowerWord, int max = 3)
    {
        if (string.IsNullOrEmpty(lowerWord) || lowerWord.Length < 4 || max <= 0 || IsWord(lowerWord))
        {
            return [];
        }

        var scored = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string candidate in SingleEdits(lowerWord))
        {
            if (scored.ContainsKey(candidate))
            {
                continue;
            }

            if (_ids.TryGetValue(candidate, out int id))
            {
                scored[candidate] = _tagCounts[id] + 1;
            }
            else if (BaseForms(candidate) is List<string> { Count: > 0 } bases)
            {
                scored[candidate] = bases.Max(Frequency) + 1;
            }
        }

        return scored
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(pair => pair.Key)
            .ToList();
    }

    private static IEnumerable<string> SingleEdits(string word)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
            if (i + 1 < word.Length && word[i] != word[i + 1])
            {
                char[] swapped = word.ToCharArray();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                yield return new string(swapped);
            }

            foreach (char c in Letters)
            {
                if (c != word[i])
                {
                    yield return string.Concat(word.AsSpan(0, i), [c], word.AsSpan(i + 1));
                }
            }
        }

        for (int i = 0; i <= word.Length; i++)
        {
            foreach (char c in Letters)
            {
                yield return string.Concat(word.AsSpan(0, i), [c], word.AsSpan(i));
            }
        }
    }

    private int EdgeCount(int id) => Offset(id + 1) - Offset(id);

    private int Offset(int id) => BinaryPrimitives.ReadInt32LittleEndian(_relations.AsSpan(16 + (4 * id), 4));

    private void AppendEdges(int id, List<RelatedWord> into)
    {
        int end = Offset(id + 1);
        for (int k = Offset(id); k < end; k++)
        {
            uint edge = BinaryPrimitives.ReadUInt32LittleEndian(_relations.AsSpan(_edgesStart + (4 * k), 4));
            into.Add(new RelatedWord(
                _lemmas[(int)(edge & IdMask)],
                (edge >> 25) / 127f,
                (WordRelation)((edge >> 22) & 7)));
        }
    }

    private bool HasPos(string word, WordPos pos) => _ids.TryGetValue(word, out int id) && (_pos[id] & pos) != 0;

    private void AddBaseForms(string word, List<string> found)
    {
        if (_ids.ContainsKey(word))
        {
            AddDistinct(found, word);
        }

        if (_exceptions.TryGetValue(word, out (WordPos Pos, string Base)[]? irregular))
        {
            foreach ((WordPos _, string baseForm) in irregular)
            {
                AddDistinct(found, baseForm);
            }
        }

        foreach ((WordPos pos, string suffix, string ending) in MorphyRules.Detachments)
        {
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                string candidate = string.Concat(word.AsSpan(0, word.Length - suffix.Length), ending);
                if (HasPos(candidate, pos))
                {
                    AddDistinct(found, candidate);
                }
            }
        }
    }

    /// <summary>Morphy for collocations: inflect the first word (verbs) or the last (nouns).</summary>
    private void AddPhraseBaseForms(string phrase, List<string> found)
    {
        int firstSpace = phrase.IndexOf(' ');
        int lastSpace = phrase.LastIndexOf(' ');
        var scratch = new List<string>(4);
        AddBaseForms(phrase[..firstSpace], scratch);
        foreach (string head in scratch)
        {
            string candidate = head + phrase[firstSpace..];
            if (_ids.ContainsKey(candidate))
            {
                AddDistinct(found, candidate);
            }
        }

        scratch.Clear();
        AddBaseForms(phrase[(lastSpace + 1)..], scratch);
        foreach (string tail in scratch)
        {
            string candidate = phrase[..(lastSpace + 1)] + tail;
            if (_ids.ContainsKey(candidate))
            {
                AddDistinct(found, candidate);
            }
        }
    }

    private static bool TryStripPossessive(string word, out string stem)
    {
        foreach (string mark in (string[])["'s", "\u2019s", "'", "\u2019"])
        {
            if (word.Length > mark.Length && word.EndsWith(mark, StringComparison.Ordinal))
            {
                stem = word[..^mark.Length];
                return true;
            }
        }

        stem = word;
        return false;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    /// <summary>Reads a fresh instance; production code uses <see cref="Shared"/>.</summary>
    internal static EnglishLexicon Load()
    {
        byte[] vocabulary = LexiconResources.ReadAll("vocabulary.tsv.gz");
        byte[] relations = LexiconResources.ReadAll("relations.bin.gz");
        byte[] exceptionData = LexiconResources.ReadAll("exceptions.tsv.gz");

        if (relations.Length < 16 || Encoding.ASCII.GetString(relations, 0, 4) != "SBLX"
            || BinaryPrimitives.ReadInt32LittleEndian(relations.AsSpan(4)) != 1)
        {
            throw new InvalidDataException("relations.bin is not a version-1 StoryBot lexicon file.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(relations.AsSpan(8));
        int edgeCount = BinaryPrimitives.ReadInt32LittleEndian(relations.AsSpan(12));
        if (relations.Length != 16 + (4 * (count + 1)) + (4 * edgeCount))
        {
            throw new InvalidDataException("relations.bin is truncated.");
        }

        var lemmas = new string[count];
        var pos = new WordPos[count];
        var tagCounts = new int[count];
        var ids = new Dictionary<string, int>(count, StringComparer.Ordinal);
        int next = 0;
        LexiconResources.ForEachLine(vocabulary, line =>
        {
            if (next >= count)
            {
                throw new InvalidDataException("vocabulary has more lemmas than relations.bin.");
            }

            int tab1 = line.IndexOf((byte)'\t');
            int tab2 = tab1 + 1 + line[(tab1 + 1)..].IndexOf((byte)'\t');
            string lemma = Encoding.UTF8.GetString(line[..tab1]);
            WordPos mask = WordPos.None;
            foreach (byte letter in line[(tab1 + 1)..tab2])
            {
                mask |= MorphyRules.FromLetter((char)letter);
            }

            lemmas[next] = lemma;
            pos[next] = mask;
            tagCounts[next] = ParseInt(line[(tab2 + 1)..]);
            ids.Add(lemma, next);
            next++;
        });
        if (next != count)
        {
            throw new InvalidDataException($"vocabulary has {next} lemmas, relations.bin expects {count}.");
        }

        var exceptionLists = new Dictionary<string, List<(WordPos, string)>>(StringComparer.Ordinal);
        LexiconResources.ForEachLine(exceptionData, line =>
        {
            int tab1 = line.IndexOf((byte)'\t');
            int tab2 = tab1 + 1 + line[(tab1 + 1)..].IndexOf((byte)'\t');
            string form = Encoding.UTF8.GetString(line[(tab1 + 1)..tab2]);
            string baseForm = Encoding.UTF8.GetString(line[(tab2 + 1)..]);
            // Share the lemma's string instance instead of keeping a duplicate.
            baseForm = ids.TryGetValue(baseForm, out int baseId) ? lemmas[baseId] : baseForm;
            if (!exceptionLists.TryGetValue(form, out List<(WordPos, string)>? list))
            {
                exceptionLists[form] = list = new List<(WordPos, string)>(1);
            }

            list.Add((MorphyRules.FromLetter((char)line[0]), baseForm));
        });
        var exceptions = new Dictionary<string, (WordPos, string)[]>(exceptionLists.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, List<(WordPos, string)>> pair in exceptionLists)
        {
            exceptions[pair.Key] = [.. pair.Value];
        }

        return new EnglishLexicon(ids, lemmas, pos, tagCounts, relations, exceptions);
    }

    private static int ParseInt(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte d in digits)
        {
            value = (value * 10) + (d - (byte)'0');
        }

        return value;
    }
}
