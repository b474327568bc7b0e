using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// Folds curly apostrophes to straight ones and drops contraction tails ("can’t" → can't, "we’re" → we),
/// so a story typed with typographic quotes matches a question typed on a phone keyboard.
/// </summary>
public sealed class ApostropheFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public ApostropheFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] is '’' or '‘' or '`' or '´')
            {
                buffer[i] = '\'';
            }
        }

        var text = new string(buffer, 0, length);
        var apostrophe = text.IndexOf('\'');
        if (apostrophe > 0)
        {
            var tail = text[(apostrophe + 1)..].ToLowerInvariant();
            if (tail is "re" or "ve" or "ll" or "d" or "m" or "s" or "")
            {
                _term.SetEmpty().Append(text[..apostrophe]);
            }
            else if (tail == "t" && text.EndsWith("n't", StringComparison.OrdinalIgnoreCase))
            {
                _term.SetEmpty().Append("not");
            }
        }

        return true;
    }
}
