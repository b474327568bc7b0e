namespace StoryBot.Knowledge.Understanding;

/// <summary>
/// Chat shorthand people type ("ppl", "govt", "admin", "intel") mapped to the words a story uses,
/// before stemming, so a texting-style question meets the story's wording.
/// </summary>
public static class Slang
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.Ordinal)
    {
        ["ppl"] = "people", ["folks"] = "people", ["folk"] = "people", ["peeps"] = "people", ["govt"] = "government", ["gov"] = "government", ["admin"] = "administration",
        ["intel"] = "intelligence", ["prez"] = "president", ["pres"] = "president", ["potus"] = "president", ["u"] = "you",
        ["ur"] = "your", ["bc"] = "because", ["cuz"] = "because", ["coz"] = "because", ["abt"] = "about", ["tho"] = "though",
        ["rly"] = "really", ["info"] = "information", ["dept"] = "department", ["yr"] = "year", ["yrs"] = "years",
        ["mil"] = "million", ["bn"] = "billion", ["approx"] = "approximately", ["msg"] = "message", ["pls"] = "please",
        ["plz"] = "please", ["thx"] = "thanks", ["w/"] = "with", ["b4"] = "before", ["2day"] = "today", ["tmrw"] = "tomorrow",
        ["convo"] = "conversation", ["mins"] = "minutes", ["hrs"] = "hours", ["natl"] = "national", ["intl"] = "international",
        ["sec"] = "secretary", ["secy"] = "secretary", ["amb"] = "ambassador", ["ag"] = "attorney general", ["fm"] = "foreign minister",
        ["dems"] = "democrats", ["repubs"] = "republicans", ["nukes"] = "nuclear weapons", ["vs"] = "versus", ["ex"] = "former",
    };

    /// <summary>The expansion of <paramref name="word"/>, or the word itself.</summary>
    public static string Expand(string word) => Map.TryGetValue(word, out var full) ? full : word;
}
