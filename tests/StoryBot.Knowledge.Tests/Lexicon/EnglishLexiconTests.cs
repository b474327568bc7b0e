using StoryBot.Knowledge.Lexicon;
using Xunit;

namespace StoryBot.Knowledge.Tests.Lexicon;

public class EnglishLexiconTests
{
    private static EnglishLexicon Lexicon => EnglishLexicon.Shared;

    [Theory]
    [InlineData("said", "say")]
    [InlineData("went", "go")]
    [InlineData("children", "child")]
    [InlineData("sacked", "sack")]
    [InlineData("ousting", "oust")]
    [InlineData("talks", "talk")]
    [InlineData("investigations", "investigation")]
    [InlineData("bigger", "big")]
    [InlineData("russia's", "russia")]
    [InlineData("attorneys general", "attorney general")]
    [InlineData("sitting down", "sit down")]
    public void BaseForms_FindsTheLemma(string word, string expected)
    {
        Assert.Contains(expected, Lexicon.BaseForms(word));
    }

    [Fact]
    public void BaseForms_PutsTheWordFirstWhenItIsALemma()
    {
        Assert.Equal(["meeting", "meet"], Lexicon.BaseForms("meeting"));
    }

    [Theory]
    [InlineData("presidnet")]
    [InlineData("ambasador")]
    [InlineData("xqzt")]
    [InlineData("")]
    public void BaseForms_IsEmptyForNonWords(string word)
    {
        Assert.Empty(Lexicon.BaseForms(word));
    }

    [Theory]
    [InlineData("president", true)]
    [InlineData("said", true)]
    [InlineData("sacked", true)]
    [InlineData("cruise missile", true)]
    [InlineData("presidnet", false)]
    [InlineData("kremlinn", false)]
    [InlineData("tilerson", false)]
    [InlineData("", false)]
    public void IsWord_TellsWordsFromTypos(string word, bool expected)
    {
        Assert.Equal(expected, Lexicon.IsWord(word));
    }

    [Fact]
    public void Vocabulary_HoldsAllOfWordNet()
    {
        Assert.InRange(Lexicon.LemmaCount, 140_000, 160_000);
        Assert.True(Lexicon.IsLemma("face-to-face"));
        Assert.False(Lexicon.IsLemma("said how"));
    }

    [Theory]
    [InlineData("sacked", "fire", WordRelation.Synonym)]
    [InlineData("sack", "fire", WordRelation.Synonym)]
    [InlineData("fire", "sack", WordRelation.Synonym)]
    [InlineData("said", "say", WordRelation.Derived)]
    [InlineData("said", "state", WordRelation.Synonym)]
    [InlineData("envoy", "diplomat", WordRelation.Hypernym)]
    [InlineData("envoy", "ambassador", WordRelation.Sibling)]
    [InlineData("ambassador", "envoy", WordRelation.Sibling)]
    [InlineData("collusion", "collude", WordRelation.Derived)]
    [InlineData("interference", "interfere", WordRelation.Derived)]
    [InlineData("interference", "intervention", WordRelation.Synonym)]
    [InlineData("talks", "negotiation", WordRelation.Synonym)]
    [InlineData("meeting", "conference", WordRelation.Hyponym)]
    [InlineData("probe", "investigation", WordRelation.Synonym)]
    [InlineData("oust", "expel", WordRelation.Synonym)]
    public void Related_LinksParaphrases(string word, string expected, WordRelation relation)
    {
        RelatedWord hit = Assert.Single(Lexicon.Related(word), r => r.Word == expected);
        Assert.Equal(relation, hit.Relation);
    }

    [Fact]
    public void Related_DropsRareSenses()
    {
        // "fire" has 12 verb senses; the 11th and 12th (flame up, ignite) were never tagged.
        IReadOnlyList<RelatedWord> related = Lexicon.Related("fire");
        Assert.DoesNotContain(related, r => r.Word is "flame up" or "ignite" or "light");
        Assert.InRange(related.Count, 5, 40);
    }

    [Fact]
    public void Related_WeighsFirstSensesAndSynonymsHigher()
    {
        IReadOnlyList<RelatedWord> related = Lexicon.Related("envoy");
        float Weight(string w) => related.Single(r => r.Word == w).Weight;
        Assert.True(Weight("envoy extraordinary") > Weight("emissary"), "sense 1 beats sense 2");
        Assert.True(Weight("emissary") > Weight("diplomat"), "synonym beats hypernym");
        Assert.True(Weight("diplomat") > Weight("ambassador"), "hypernym beats sibling");
    }

    [Theory]
    [InlineData("fire")]
    [InlineData("said")]
    [InlineData("sacked")]
    [InlineData("united states")]
    public void Related_IsSortedWithWeightsInRangeAndNoSelf(string word)
    {
        IReadOnlyList<RelatedWord> related = Lexicon.Related(word);
        Assert.NotEmpty(related);
        Assert.All(related, r => Assert.InRange(r.Weight, 0.001f, 1f));
        Assert.DoesNotContain(related, r => r.Word == word);
        Assert.Equal(related.Count, related.Select(r => r.Word).Distinct().Count());
        for (int i = 1; i < related.Count; i++)
        {
            Assert.True(related[i - 1].Weight >= related[i].Weight, $"not sorted at {i}");
        }
    }

    [Fact]
    public void Related_IsEmptyForUnknownWords()
    {
        Assert.Empty(Lexicon.Related("presidnet"));
        Assert.Empty(Lexicon.Related(""));
    }

    [Fact]
    public void Frequency_PrefersCommonWords()
    {
        Assert.True(Lexicon.Frequency("president") > Lexicon.Frequency("prexy"));
        Assert.Equal(0, Lexicon.Frequency("presidnet"));
    }

    [Theory]
    [InlineData("presidnet", "president")]
    [InlineData("ambasador", "ambassador")]
    [InlineData("investigaton", "investigation")]
    public void SpellingSuggestions_FindTheIntendedWordFirst(string typo, string expected)
    {
        Assert.Equal(expected, Lexicon.SpellingSuggestions(typo).FirstOrDefault());
    }

    [Fact]
    public void SpellingSuggestions_OfferTheIntendedWordAmongEquallyCloseOnes()
    {
        // "misses" is as close and more frequent; the caller must weigh the candidates.
        Assert.Contains("missiles", Lexicon.SpellingSuggestions("missles"));
    }

    [Theory]
    [InlineData("president")]
    [InlineData("said")]
    [InlineData("teh")]
    [InlineData("qwzxvbnm")]
    public void SpellingSuggestions_LeaveWordsShortOnesAndNoiseAlone(string word)
    {
        Assert.Empty(Lexicon.SpellingSuggestions(word));
    }

    [Fact]
    public void Shared_IsOneInstanceAcrossThreads()
    {
        EnglishLexicon[] seen = new EnglishLexicon[8];
        Parallel.For(0, seen.Length, i => seen[i] = EnglishLexicon.Shared);
        Assert.All(seen, l => Assert.Same(EnglishLexicon.Shared, l));
    }
}
