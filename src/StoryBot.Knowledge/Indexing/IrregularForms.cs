namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// Irregular English word forms that no suffix stemmer can reduce ("said" → say, "met" → meet),
/// applied before KStem on both sides of the index.
/// </summary>
public static class IrregularForms
{
    private const string Pairs =
        "said say|says say|told tell|met meet|saw see|seen see|went go|gone go|goes go|led lead|won win|took take|taken take|" +
        "gave give|given give|got get|gotten get|made make|knew know|known know|thought think|brought bring|bought buy|" +
        "sought seek|began begin|begun begin|broke break|broken break|came come|did do|done do|does do|drove drive|driven drive|" +
        "fell fall|fallen fall|felt feel|found find|fought fight|flew fly|forgot forget|forgotten forget|grew grow|grown grow|" +
        "held hold|hid hide|hidden hide|kept keep|left leave|lost lose|meant mean|paid pay|ran run|rose rise|risen rise|sent send|" +
        "shook shake|shaken shake|shot shoot|sold sell|spoke speak|spoken speak|spent spend|stood stand|struck strike|" +
        "taught teach|wrote write|written write|was be|were be|been be|is be|are be|am be|has have|had have|sat sit|" +
        "chose choose|chosen choose|became become|heard hear|understood understand|withdrew withdraw|withdrawn withdraw|" +
        "blew blow|blown blow|threw throw|thrown throw|ate eat|eaten eat|drew draw|drawn draw|fled flee|swore swear|sworn swear|" +
        "beaten beat|froze freeze|frozen freeze|dealt deal|built build|lent lend|caught catch|slept sleep|wept weep|" +
        "fought fight|sank sink|sunk sink|spun spin|stole steal|stolen steal|swam swim|tore tear|torn tear|woke wake|" +
        "woken wake|wore wear|worn wear|forbade forbid|forbidden forbid|forgave forgive|forgiven forgive|hung hang|" +
        "sped speed|strove strive|oversaw oversee|overseen oversee|undertook undertake|undertaken undertake|" +
        "people person|men man|women woman|children child|mice mouse|feet foot|teeth tooth|lives life|wives wife|" +
        "thieves thief|knives knife|halves half|shelves shelf|wolves wolf|loaves loaf|calves calf|selves self|scarves scarf|" +
        "better good|best good|worse bad|worst bad|dying die|lying lie|tying tie";

    /// <summary>Every (form, lemma) pair.</summary>
    public static IEnumerable<(string Form, string Lemma)> All =>
        Pairs.Split('|').Select(p => p.Split(' ')).Select(p => (p[0], p[1]));
}
