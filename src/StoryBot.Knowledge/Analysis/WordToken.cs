namespace StoryBot.Knowledge.Analysis;

/// <summary>A word of a sentence with its character offsets, for entity and span finding.</summary>
public readonly record struct WordToken(string Text, int Start, int End, bool PunctuationAfter)
{
    public string Lower => Text.ToLowerInvariant();

    public bool IsCapitalised => Text.Length > 0 && (char.IsUpper(Text[0]) || IsArabicArticleName(Text));

    public bool IsAcronym => Text.Length >= 2 && Text.Where(char.IsLetter).All(char.IsUpper) && Text.Any(char.IsLetter);

    private static bool IsArabicArticleName(string t) =>
        (t.StartsWith("al-", StringComparison.Ordinal) || t.StartsWith("el-", StringComparison.Ordinal) || t.StartsWith("bin-", StringComparison.Ordinal))
        && t.Length > 3 && char.IsUpper(t[t.IndexOf('-') + 1]);
}
