using System.Text;
using StoryBot.Rendering;
using Xunit;

namespace StoryBot.Tests.Rendering;

public class ReplyRendererTests
{
    [Fact]
    public void Escape_gives_what_the_character_by_character_form_gave_on_every_story_line()
    {
        var lines = RenderingInputs.Lines().ToList();
        Assert.Contains(lines, l => l.Contains('*') || l.Contains('['));

        foreach (var line in lines)
        {
            Assert.Equal(EscapeBefore(line), ReplyRenderer.Escape(line));
        }
    }

    /// <summary>The form before the fast path for text with nothing to escape (kept as the reference).</summary>
    private static string EscapeBefore(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '*' or '_' or '`' or '[' or ']' or '\\' or '#' or '|': sb.Append('\\').Append(ch); break;
                default: sb.Append(ch); break;
            }
        }

        return sb.ToString();
    }
}
