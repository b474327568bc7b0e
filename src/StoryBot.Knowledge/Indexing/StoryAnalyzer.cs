using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// The one analysis chain used for sentences and questions alike, so both sides meet on the same terms:
/// standard tokenizer, possessive removal ("Trump’s" → trump), lower case, stop words, irregular forms
/// (said → say) and the gentle KStem stemmer (Porter over-merges: news → new). With stemming off it
/// yields the exact lower-cased words for the exact-match field.
/// </summary>
public sealed class StoryAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly CharArraySet _stopWords;
    private readonly bool _stem;
    private readonly StemmerOverrideFilter.StemmerOverrideMap? _overrides;

    public StoryAnalyzer(CharArraySet stopWords, bool stem)
    {
        _stopWords = stopWords;
        _stem = stem;
        if (stem)
        {
            var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
            foreach (var (form, lemma) in IrregularForms.All)
            {
                builder.Add(form, lemma);
            }

            _overrides = builder.Build();
        }
    }

    /// <summary>Index-side chain: a small English stop set.</summary>
    public static StoryAnalyzer ForIndex() => new(StopWordSets.Index, stem: true);

    /// <summary>Exact field: lower-cased words, no stemming, no stop words.</summary>
    public static StoryAnalyzer Exact() => new(CharArraySet.Empty, stem: false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new ApostropheFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        if (_stopWords.Count > 0)
        {
            stream = new StopFilter(Version, stream, _stopWords);
        }

        if (_stem)
        {
            stream = new StemmerOverrideFilter(stream, _overrides);
            stream = new KStemFilter(stream);
        }

        return new TokenStreamComponents(source, stream);
    }

    /// <summary>Analyses <paramref name="text"/> into its terms, in order.</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
