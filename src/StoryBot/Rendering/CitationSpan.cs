using StoryBot.Knowledge.Answering;

namespace StoryBot.Rendering;

/// <summary>A cited sentence cut around its answer span, for every renderer that bolds it (chat text, citation card).</summary>
public static class CitationSpan
{
    /// <summary>The text before the span, the span (null when there is none or it is not where it says), and the rest.</summary>
    public static (string Before, string? Span, string After) Split(Citation c)
    {
        if (c.Span is null || c.SpanStart < 0 || c.SpanStart + c.Span.Length > c.Text.Length)
        {
            return (c.Text, null, string.Empty);
        }

        var start = c.Text.IndexOf(c.Span, c.SpanStart, StringComparison.Ordinal);
        return start < 0 ? (c.Text, null, string.Empty) : (c.Text[..start], c.Span, c.Text[(start + c.Span.Length)..]);
    }

    /// <summary>The sentence with the span in Markdown bold, every part passed through <paramref name="escape"/> first.</summary>
    public static string Bold(Citation c, Func<string, string> escape)
    {
        var (before, span, after) = Split(c);
        return span is null ? escape(before) : escape(before) + "**" + escape(span) + "**" + escape(after);
    }
}
