using System.Text.Json;
using StoryBot.Knowledge.Lexicon;
using Xunit;

namespace StoryBot.Knowledge.Tests.Lexicon;

/// <summary>
/// <see cref="PlaceGazetteer.IsNormal"/> lets <see cref="PlaceGazetteer.TryGetPlace"/> skip its second lookup; it must
/// only say so of terms <see cref="PlaceGazetteer.NormalizeTerm"/> leaves as they are, or a place would be missed.
/// </summary>
public class PlaceGazetteerNormalFormTests
{
    [Fact]
    public void IsNormal_OnlyForTermsNormalizeTermLeavesUnchanged_OverEveryEvalQuestionAndStoryWord()
    {
        var checkedNormal = 0;
        foreach (var term in Terms())
        {
            if (PlaceGazetteer.IsNormal(term))
            {
                Assert.Equal(term, PlaceGazetteer.NormalizeTerm(term));
                checkedNormal++;
            }
        }

        Assert.True(checkedNormal > 1000, $"only {checkedNormal} normal terms checked");
    }

    [Theory]
    [InlineData("russia", true)]
    [InlineData("united states", true)]
    [InlineData("g7", true)]
    [InlineData("", false)]
    [InlineData("the kremlin", false)]
    [InlineData("russia's", false)]
    [InlineData("u.s.", false)]
    [InlineData(" moscow", false)]
    [InlineData("moscow ", false)]
    [InlineData("white  house", false)]
    [InlineData("Moscow", false)]
    [InlineData("c\u00f4te", false)]
    [InlineData("guinea-bissau", false)]
    public void IsNormal_Examples(string term, bool normal)
    {
        Assert.Equal(normal, PlaceGazetteer.IsNormal(term));
        if (normal)
        {
            Assert.Equal(term, PlaceGazetteer.NormalizeTerm(term));
        }
    }

    /// <summary>Every string of the eval files and every story line, lower-cased, as words, word pairs and whole.</summary>
    private static IEnumerable<string> Terms()
    {
        var texts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestFiles.Root, "eval"), "*.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            Collect(json.RootElement, texts);
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestFiles.Root, "stories"), "*.txt"))
        {
            texts.AddRange(File.ReadAllLines(file));
        }

        foreach (var text in texts)
        {
            var lower = text.ToLowerInvariant();
            yield return lower;
            var words = lower.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                yield return words[i];
                yield return words[i].Trim('?', '!', '.', ',', '"', '\u201c', '\u201d');
                if (i + 1 < words.Length)
                {
                    yield return words[i] + " " + words[i + 1];
                }
            }
        }
    }

    private static void Collect(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, into);
                }

                break;
        }
    }
}
