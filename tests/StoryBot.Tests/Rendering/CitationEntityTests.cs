using StoryBot.Rendering;
using Xunit;

namespace StoryBot.Tests.Rendering;

public class CitationEntityTests
{
    [Fact]
    public void Truncate_gives_what_the_string_form_gave_on_every_story_line_and_limit()
    {
        var cut = 0;
        foreach (var line in RenderingInputs.Lines())
        {
            foreach (var max in new[] { CitationEntity.MaxKeyword, CitationEntity.MaxName, CitationEntity.MaxAbstract, 10, 2 })
            {
                var expected = TruncateBefore(line, max);
                Assert.Equal(expected, CitationEntity.Truncate(line, max));
                cut += expected == line ? 0 : 1;
            }
        }

        Assert.True(cut > 100, $"only {cut} lines were cut: the comparison covers too little");
    }

    /// <summary>The form before the span-based one (kept as the reference).</summary>
    private static string TruncateBefore(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2)
        {
            cut = max - 1;
        }

        return text[..cut].TrimEnd(',', ';', ':', ' ', '—', '-') + "…";
    }
}
