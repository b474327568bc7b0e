using StoryBot.Knowledge.Lexicon;
using Xunit;

namespace StoryBot.Knowledge.Tests.Lexicon;

public class PlaceGazetteerTests
{
    private static PlaceGazetteer Gazetteer => PlaceGazetteer.Shared;

    [Theory]
    [InlineData("tehran", "IRN")]
    [InlineData("iranian", "IRN")]
    [InlineData("russian", "RUS")]
    [InlineData("russians", "RUS")]
    [InlineData("moscow", "RUS")]
    [InlineData("kremlin", "RUS")]
    [InlineData("the kremlin", "RUS")]
    [InlineData("russia's", "RUS")]
    [InlineData("russia\u2019s", "RUS")]
    [InlineData("syrian", "SYR")]
    [InlineData("turkish", "TUR")]
    [InlineData("turkey", "TUR")]
    [InlineData("american", "USA")]
    [InlineData("united states", "USA")]
    [InlineData("united states of america", "USA")]
    [InlineData("u.s.", "USA")]
    [InlineData("usa", "USA")]
    [InlineData("america", "USA")]
    [InlineData("washington", "USA")]
    [InlineData("white house", "USA")]
    [InlineData("pentagon", "USA")]
    [InlineData("downing street", "GBR")]
    [InlineData("britain", "GBR")]
    [InlineData("british", "GBR")]
    [InlineData("congolese", "COD")]
    [InlineData("guinea-bissau", "GNB")]
    [InlineData("c\u00f4te d'ivoire", "CIV")]
    public void TryGetPlace_FindsTheCountry(string term, string code)
    {
        Assert.True(Gazetteer.TryGetPlace(term, out Place place), term);
        Assert.Equal(code, place.Code);
    }

    [Theory]
    [InlineData("presidnet")]
    [InlineData("president")]
    [InlineData("states")]
    [InlineData("in")]
    [InlineData("")]
    public void TryGetPlace_RejectsNonPlaces(string term)
    {
        Assert.False(Gazetteer.TryGetPlace(term, out _));
        Assert.Empty(Gazetteer.Equivalents(term));
    }

    [Fact]
    public void Equivalents_OfACapitalIncludeCountryAndDemonym()
    {
        IEnumerable<string> forms = Gazetteer.Equivalents("tehran");
        Assert.Contains("iran", forms);
        Assert.Contains("iranian", forms);
        Assert.Contains("tehran", forms);
        Assert.All(forms, f => Assert.Equal(f.ToLowerInvariant(), f));
    }

    [Fact]
    public void Equivalents_OfAMetonymIncludeTheCountry()
    {
        IEnumerable<string> forms = Gazetteer.Equivalents("kremlin");
        Assert.Contains("russia", forms);
        Assert.Contains("russian", forms);
        Assert.Contains("moscow", forms);
        Assert.DoesNotContain("iran", forms);
    }

    [Fact]
    public void Place_CarriesNamesDemonymsCapitalsAliases()
    {
        Assert.True(Gazetteer.TryGetPlace("russia", out Place russia));
        Assert.Equal("Russia", russia.Name);
        Assert.Contains("Russian Federation", russia.Names);
        Assert.Contains("Russian", russia.Demonyms);
        Assert.Contains("Moscow", russia.Capitals);
        Assert.Contains("Kremlin", russia.Aliases);
    }

    [Fact]
    public void Places_CoverEveryCountryWithoutTwoLetterCodes()
    {
        Assert.InRange(Gazetteer.Places.Count(p => !p.Code.StartsWith("USA-", StringComparison.Ordinal)), 240, 260);
        Assert.All(Gazetteer.Places, p => Assert.NotEmpty(p.SurfaceForms));
        Assert.InRange(Gazetteer.MaxTermWords, 3, 12);
        // ISO alpha-2 codes collide with words ("it", "me", "in") and must not be places.
        Assert.False(Gazetteer.TryGetPlace("it", out _));
        Assert.False(Gazetteer.TryGetPlace("me", out _));
    }

    [Theory]
    [InlineData("iowa", "USA-IOWA")] // a dateline's state ("DES MOINES, Iowa") is a place, not an organisation
    [InlineData("ohio", "USA-OHIO")]
    [InlineData("new york", "USA-NEW_YORK")]
    [InlineData("washington", "USA")] // the capital keeps its meaning
    [InlineData("georgia", "GEO")] // and so does the country
    public void UsStates_AreNamedPlaces(string term, string code)
    {
        Assert.True(Gazetteer.TryGetPlace(term, out var place));
        Assert.Equal(code, place.Code);
    }

    [Theory]
    [InlineData("first state")] // a state's nickname is an ordinary phrase
    [InlineData("mass")] // and so is an abbreviation
    public void StateNicknamesAndAbbreviations_AreNoPlaces(string term)
    {
        Assert.False(Gazetteer.TryGetPlace(term, out _));
    }

    [Theory]
    [InlineData("The U.S.'s", "us")]
    [InlineData("  White   House ", "white house")]
    [InlineData("Guinea-Bissau", "guinea bissau")]
    [InlineData("T\u00fcrkiye", "turkiye")]
    [InlineData("Washington D.C.", "washington dc")]
    public void NormalizeTerm_CanonicalisesSurfaceForms(string term, string expected)
    {
        Assert.Equal(expected, PlaceGazetteer.NormalizeTerm(term));
    }
}
