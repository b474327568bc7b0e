namespace StoryBot.Knowledge.Lexicon;

/// <summary>
/// A country and every way news text refers to it (names, demonyms, capitals, metonyms such as
/// "Kremlin"), so a question about "Tehran" or "the Iranians" can match text about "Iran".
/// </summary>
/// <param name="Code">ISO 3166-1 alpha-3 code, e.g. "RUS".</param>
/// <param name="Name">Canonical (common English) name, e.g. "Russia".</param>
/// <param name="Names">Common, official and alternative names, original casing.</param>
/// <param name="Demonyms">Adjective and people forms: "Russian", "Russians".</param>
/// <param name="Capitals">Capital cities.</param>
/// <param name="Aliases">Hand-listed news metonyms and short names: "Kremlin", "U.S.".</param>
/// <param name="SurfaceForms">All of the above, normalised (lower case, no dots or diacritics).</param>
public sealed record Place(
    string Code,
    string Name,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Capitals,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> SurfaceForms);
