using StoryBot.Knowledge.Answering;
using StoryBot.Knowledge.Ingest;

namespace StoryBot.Knowledge.Analysis;

/// <summary>
/// Everything answer selection knows about one sentence beyond the index: its analysed terms, the alias
/// terms it inherits (titles of people named by surname, pronoun antecedents), its neighbours' terms,
/// its answer-type tags and entity mentions.
/// </summary>
public sealed class SentenceProfile
{
    public required StorySentence Sentence { get; init; }
    public required HashSet<string> Terms { get; init; }
    public required HashSet<string> Words { get; init; }
    public required Dictionary<string, float> AliasTerms { get; init; }
    public required HashSet<string> ContextTerms { get; init; }
    public required AnswerTags Tags { get; init; }
    public required IReadOnlyList<EntityMention> Mentions { get; init; }

    /// <summary>Entities the sentence names or refers to by pronoun.</summary>
    public required HashSet<string> EntityKeys { get; init; }

    /// <summary>The person a leading pronoun ("He calls …") refers to, if any.</summary>
    public NamedEntity? Antecedent { get; init; }

    /// <summary>The sentence's words with offsets, and the stem of each (stop words keep their lower-case form).</summary>
    public required IReadOnlyList<WordToken> Tokens { get; init; }

    public required string[] TokenStems { get; init; }

    /// <summary>Stem of a possessed word → its possessor ("Putin’s top diplomat": top → putin).</summary>
    public required Dictionary<string, string> Possessors { get; init; }

    private IReadOnlyList<(int Start, int Length)>? _times, _durations, _numbers, _amounts, _quotes;
    private string[]? _lowerTokens, _tokenNameKeys;
    private SentenceCues? _cues;

    /// <summary>What the answer-type checks read from the sentence's text with patterns (computed once, on first use).</summary>
    public SentenceCues Cues => _cues ??= SentenceCues.Of(this);

    /// <summary>Time expressions in the sentence (computed once, on first use).</summary>
    public IReadOnlyList<(int Start, int Length)> TimeSpans => _times ??= Answering.AnswerTagger.Times(Sentence.Text).ToList();

    /// <summary>Durations in the sentence (computed once, on first use).</summary>
    public IReadOnlyList<(int Start, int Length)> DurationSpans => _durations ??= Answering.AnswerTagger.Durations(Sentence.Text).ToList();

    /// <summary>Number phrases outside dates (computed once, on first use).</summary>
    public IReadOnlyList<(int Start, int Length)> NumberSpans => _numbers ??= Answering.AnswerTagger.Numbers(Sentence.Text)
        .Where(n => !TimeSpans.Any(t => n.Start < t.Start + t.Length && t.Start < n.Start + n.Length))
        .ToList();

    /// <summary>Money amounts and percentages, in sentence order (computed once, on first use).</summary>
    public IReadOnlyList<(int Start, int Length)> AmountSpans => _amounts ??= Answering.SpanFinder.Amounts(this);

    /// <summary>Quoted passages without their quotation marks (computed once, on first use).</summary>
    public IReadOnlyList<(int Start, int Length)> QuoteSpans => _quotes ??= Answering.AnswerTagger.Quotes(Sentence.Text).ToList();

    /// <summary>Each token in lower case (computed once, on first use: the span candidates read them on every answer).</summary>
    public string[] LowerTokens => _lowerTokens ??= Tokens.Select(t => t.Lower).ToArray();

    /// <summary>Each token's name key (<see cref="EntityExtractor.NameKey"/>; computed once, on first use).</summary>
    public string[] TokenNameKeys => _tokenNameKeys ??= Tokens.Select(t => EntityExtractor.NameKey(t.Text)).ToArray();

    /// <summary>Alias text stored in the index.</summary>
    public required string AliasText { get; set; }

    /// <summary>Neighbour text stored in the index.</summary>
    public required string ContextText { get; init; }
}
