using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Util;
using StoryBot.Knowledge.Analysis;
using StoryBot.Knowledge.Indexing;

namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Turns a message into <see cref="QueryConcept"/>s: question words and filler are dropped, the rest is
/// stemmed like the index and expanded with synonyms (phrases first: "got the boot" → fired), place
/// equivalents ("Tehran" → Iran) and, for words the story never uses and English does not know, the
/// closest story word (typos). Intent and answer type are read from the raw wording.
/// </summary>
public sealed partial class QuestionAnalyzer
{
    private static readonly HashSet<string> PersonPronouns = new(StringComparer.Ordinal) { "he", "she", "him", "her", "his", "hers", "himself", "herself" };
    private static readonly HashSet<string> ThingPronouns = new(StringComparer.Ordinal) { "it", "its", "that", "this", "they", "them", "their", "there", "those", "these" };

    private readonly StoryModel _model;
    private readonly SynonymTable _synonyms;
    private readonly StoryAnalyzer _exact = StoryAnalyzer.Exact();
    private readonly StoryAnalyzer _stemmer = new(CharArraySet.EMPTY_SET, stem: true);
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _typos = new(StringComparer.Ordinal);

    public QuestionAnalyzer(StoryModel model, SynonymTable synonyms, KnowledgeFeatures features)
    {
        _model = model;
        _synonyms = synonyms;
        Features = features;
    }

    public KnowledgeFeatures Features { get; }

    [GeneratedRegex(@"^(?:who|what)(?:'s| is| was| are| were)(?: the| a)? (?<subject>.+)$|^(?:tell me about|what about|who about) (?<subject>.+)$")]
    private static partial Regex Definition();

    public QuestionAnalysis Analyze(string text)
    {
        var normalized = IntentClassifier.Normalize(text);
        var intent = IntentClassifier.Classify(text);
        var type = QuestionClassifier.Classify(normalized);
        var words = _exact.Terms(text);
        var stems = words.Select(Stem).ToArray();

        var concepts = new List<QueryConcept>();
        var used = new bool[words.Count];
        if (Features.Synonyms)
        {
            for (var n = Math.Min(_synonyms.MaxPhraseLength, words.Count); n >= 2; n--)
            {
                for (var i = 0; i + n <= words.Count; i++)
                {
                    if (Enumerable.Range(i, n).Any(k => used[k]))
                    {
                        continue;
                    }

                    var key = string.Join(' ', stems.Skip(i).Take(n));
                    var surface = string.Join(' ', words.Skip(i).Take(n));
                    var places = Features.Places ? KnownPlaces.Equivalents(surface) : Array.Empty<string>();
                    if (_synonyms.Contains(key) || places.Count > 0)
                    {
                        var alternatives = new List<QueryAlternative> { new(stems.Skip(i).Take(n).ToArray(), 1f) };
                        alternatives.AddRange(_synonyms.Related(key).Select(r => new QueryAlternative(r.Stems, r.Weight)));
                        alternatives.AddRange(places.Select(p => new QueryAlternative(StemPhrase(p), 0.8f)));
                        concepts.Add(new QueryConcept(surface, Dedupe(alternatives)));
                        for (var k = i; k < i + n; k++)
                        {
                            used[k] = true;
                        }
                    }
                }
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (used[i] || StopWordSets.Question.Contains(words[i]) || words[i].Length < 2 && !char.IsDigit(words[i][0]))
            {
                continue;
            }

            concepts.Add(new QueryConcept(words[i], Dedupe(Alternatives(words[i], stems[i]))));
        }

        var anaphora = words.Any(PersonPronouns.Contains) ? Anaphora.Person
            : words.Any(ThingPronouns.Contains) || normalized.StartsWith("and ", StringComparison.Ordinal) || normalized.StartsWith("what about", StringComparison.Ordinal) ? Anaphora.Thing
            : Anaphora.None;

        string? definition = null;
        if (Definition().Match(normalized) is { Success: true } m && type is QuestionType.Who or QuestionType.What or QuestionType.Other)
        {
            var subject = m.Groups["subject"].Value;
            var keys = subject.Split(' ').Select(EntityExtractor.NameKey).ToList();
            if (keys.Count <= 4 && _model.Entities.Any(e => keys.Contains(e.Key)) && keys.All(k => _model.Entities.Any(e => e.Key == k || e.Name.Contains(k, StringComparison.OrdinalIgnoreCase))))
            {
                definition = keys[^1];
            }
        }

        return new QuestionAnalysis(text, normalized, intent, type, concepts, QuestionClassifier.CountedNoun(normalized), anaphora, definition);
    }

    /// <summary>Concepts for the entity named by <paramref name="key"/>, carried into a follow-up.</summary>
    public QueryConcept EntityConcept(NamedEntity entity, float weight) =>
        new(entity.Name, new[] { new QueryAlternative(new[] { Stem(entity.Key) }, 1f) }, weight, carried: true);

    internal string Stem(string word) => _stems.GetOrAdd(word, w =>
    {
        var terms = _stemmer.Terms(w);
        return terms.Count == 1 ? terms[0] : w;
    });

    private string[] StemPhrase(string phrase) => phrase.Split(' ').Select(Stem).ToArray();

    private List<QueryAlternative> Alternatives(string word, string stem)
    {
        var alternatives = new List<QueryAlternative> { new(new[] { stem }, 1f) };
        if (stem != word && _model.DocumentFrequency(word) > 0)
        {
            alternatives.Add(new QueryAlternative(new[] { word }, 1f));
        }

        if (Features.Synonyms)
        {
            alternatives.AddRange(_synonyms.Related(stem).Select(r => new QueryAlternative(r.Stems, r.Weight)));
        }

        if (Features.Places)
        {
            alternatives.AddRange(KnownPlaces.Equivalents(word).Select(p => new QueryAlternative(StemPhrase(p), 0.8f)));
        }

        if (Features.Typos && _model.DocumentFrequency(stem) == 0 && alternatives.All(a => a.Stems.Any(s => _model.DocumentFrequency(s) == 0)))
        {
            foreach (var fix in Corrections(word))
            {
                alternatives.Add(new QueryAlternative(new[] { Stem(fix) }, 0.8f));
            }
        }

        return alternatives;
    }

    // Story words within a small edit distance of an unknown word: "presidnet" → president.
    private string[] Corrections(string word) => _typos.GetOrAdd(word, w =>
    {
        if (w.Length < 4 || w.Any(char.IsDigit))
        {
            return Array.Empty<string>();
        }

        var limit = w.Length >= 8 ? 2 : 1;
        return _model.SurfaceVocabulary
            .Where(v => Math.Abs(v.Length - w.Length) <= limit && v.Length >= 4)
            .Select(v => (Word: v, Distance: EditDistance.Damerau(w, v, limit)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .Take(2)
            .Select(x => x.Word)
            .ToArray();
    });

    private static List<QueryAlternative> Dedupe(List<QueryAlternative> alternatives) =>
        alternatives.GroupBy(a => a.Key).Select(g => g.OrderByDescending(a => a.Weight).First()).ToList();
}
