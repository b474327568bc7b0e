using System.Text.Json;
using System.Text.RegularExpressions;
using StoryBot.Knowledge.Understanding;
using Xunit;

namespace StoryBot.Knowledge.Tests.Understanding;

/// <summary>
/// <see cref="IntentClassifier.Normalize"/> is one pass over the text; it must give exactly what the two regex
/// replacements, split and join it replaced gave (kept here as the reference), for every question of the eval
/// sets and for punctuation, hyphens, apostrophes, digits, other scripts and whitespace of every kind.
/// </summary>
public sealed partial class IntentClassifierTests
{
    [GeneratedRegex(@"[^\p{L}\p{N}'\- ]+|(?<!\p{L})-|-(?!\p{L})")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string ReferenceNormalize(string text)
    {
        var t = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        t = Punctuation().Replace(t, " ");
        t = Spaces().Replace(t, " ").Trim();
        return string.Join(' ', t.Split(' ').Select(w => IntentClassifier.QuestionWordTypos.TryGetValue(w, out var fixedWord) ? fixedWord : w));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Wat did Trump say?!")]
    [InlineData("  y   did he -- resign\t\nwhen? ")]
    [InlineData("de-escalation - zones -x y- -- a-b-c 3-4 a-3")]
    [InlineData("Trump’s ‘deal’ and Putin's 'top' diplomat")]
    [InlineData("whats up, whcih one, wheres it, hwo many")]
    [InlineData("Привет, мир! 東京 ½ ٣ Ⅻ café naïve")]
    [InlineData("emoji 🙂 in-🙂-between and a\u00A0non\u2003breaking\u2028line")]
    [InlineData("İstanbul ΣΊΣΥΦΟΣ hw")]
    [InlineData("-leading and trailing-")]
    [InlineData("y y,y.y!y?y hw hw wat")]
    public void Normalize_IsTheRegexForm(string text)
    {
        Assert.Equal(ReferenceNormalize(text), IntentClassifier.Normalize(text));
    }

    [Theory]
    [InlineData("whered lavrov go", "where'd lavrov go")]
    [InlineData("howd they know", "how'd they know")]
    [InlineData("whod trump fire", "who'd trump fire")]
    [InlineData("where is the shipyard thats making them", "where is the shipyard that's making them")] // "thats" is no topic
    [InlineData("theres a recall right", "there's a recall right")]
    public void QuestionWord_WithoutItsApostrophe_IsReadWithIt(string text, string normalized)
    {
        Assert.Equal(normalized, IntentClassifier.Normalize(text));
    }

    /// <summary>
    /// Casual forms, shorthand read written out: a reaction ("ok", "lol") asks nothing and is acknowledged, but it does
    /// not take "ok thanks" from thanks or "ok bye" from goodbye, and "cool" alone is not thanks.
    /// </summary>
    [Theory]
    [InlineData("gtg", Intent.Goodbye)]
    [InlineData("ok bye", Intent.Goodbye)]
    [InlineData("k bye", Intent.Goodbye)]
    [InlineData("ttyl", Intent.Goodbye)]
    [InlineData("ok thanks", Intent.Thanks)]
    [InlineData("cool, thank u so much", Intent.Thanks)]
    [InlineData("tysm", Intent.Thanks)]
    [InlineData("gm", Intent.Greeting)]
    [InlineData("who r u", Intent.About)]
    [InlineData("ok", Intent.Acknowledge)]
    [InlineData("cool", Intent.Acknowledge)]
    [InlineData("lol", Intent.Acknowledge)]
    [InlineData("hmm interesting", Intent.Acknowledge)]
    [InlineData("got it", Intent.Acknowledge)]
    [InlineData("what did trump say about comey", Intent.Question)]
    [InlineData("ok so who is lavrov", Intent.Question)]
    [InlineData("and when", Intent.Question)] // a follow-up asking when, not "and then"
    [InlineData("and then", Intent.More)]
    [InlineData("which party is the mayor in", Intent.Question)]
    [InlineData("how do you know if your battery is part of the recall", Intent.Question)]
    [InlineData("which part of the story says that", Intent.Source)]
    [InlineData("how do you know that?", Intent.Source)]
    public void Message_HasTheIntentAPersonMeans(string message, Intent expected)
    {
        Assert.Equal(expected, IntentClassifier.Classify(message));
    }

    [Fact]
    public void Normalize_IsTheRegexForm_ForEveryEvalQuestion()
    {
        var texts = EvalQuestions().ToList();
        Assert.True(texts.Count > 100, $"only {texts.Count} eval questions found");
        foreach (var text in texts)
        {
            Assert.Equal(ReferenceNormalize(text), IntentClassifier.Normalize(text));
        }
    }

    [Fact]
    public void Normalize_IsTheRegexForm_ForRandomText()
    {
        const string alphabet = "aZé-'’‘ \t\n.,?!3½🙂Жw-h y";
        var random = new Random(11);
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.Equal(ReferenceNormalize(text), IntentClassifier.Normalize(text));
        }
    }

    // Every string value named like a question in the eval folders' JSON files.
    internal static IEnumerable<string> EvalQuestions()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestFiles.Root, "eval"), "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var text in Strings(document.RootElement))
            {
                yield return text;
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Name is "text" or "question" or "q" or "message")
                    {
                        yield return property.Value.GetString()!;
                    }
                    else if (property.Name == "turns" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var turn in property.Value.EnumerateArray())
                        {
                            yield return turn.GetString()!;
                        }
                    }
                    else
                    {
                        foreach (var s in Strings(property.Value))
                        {
                            yield return s;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
        }
    }
}
