namespace StoryBot.Knowledge.Answering;

/// <summary>
/// Where each feature the selector sets stands in <see cref="AnswerFeatures.Names"/>, looked up once: the selector sets
/// two dozen features for every candidate of every question, and a lookup by name each time cost ~1 % of a turn.
/// </summary>
internal static class AnswerFeatureSlots
{
    public static readonly int Agreement = AnswerFeatures.IndexOf(AnswerFeatures.Agreement);
    public static readonly int Coverage = AnswerFeatures.IndexOf(AnswerFeatures.Coverage);
    public static readonly int DefinesSubject = AnswerFeatures.IndexOf(AnswerFeatures.DefinesSubject);
    public static readonly int FollowUpAdjacent = AnswerFeatures.IndexOf(AnswerFeatures.FollowUpAdjacent);
    public static readonly int FollowUpSame = AnswerFeatures.IndexOf(AnswerFeatures.FollowUpSame);
    public static readonly int Lede = AnswerFeatures.IndexOf(AnswerFeatures.Lede);
    public static readonly int Lexical = AnswerFeatures.IndexOf(AnswerFeatures.Lexical);
    public static readonly int LexicalRank = AnswerFeatures.IndexOf(AnswerFeatures.LexicalRank);
    public static readonly int MentionsSubject = AnswerFeatures.IndexOf(AnswerFeatures.MentionsSubject);
    public static readonly int MismatchCovered = AnswerFeatures.IndexOf(AnswerFeatures.MismatchCovered);
    public static readonly int MissingConcept = AnswerFeatures.IndexOf(AnswerFeatures.MissingConcept);
    public static readonly int NamesRoleHolder = AnswerFeatures.IndexOf(AnswerFeatures.NamesRoleHolder);
    public static readonly int NoRoleHolder = AnswerFeatures.IndexOf(AnswerFeatures.NoRoleHolder);
    public static readonly int PersonMissing = AnswerFeatures.IndexOf(AnswerFeatures.PersonMissing);
    public static readonly int Reason = AnswerFeatures.IndexOf(AnswerFeatures.Reason);
    public static readonly int Semantic = AnswerFeatures.IndexOf(AnswerFeatures.Semantic);
    public static readonly int SemanticBest = AnswerFeatures.IndexOf(AnswerFeatures.SemanticBest);
    public static readonly int SemanticPrevious = AnswerFeatures.IndexOf(AnswerFeatures.SemanticPrevious);
    public static readonly int AskedUnknown = AnswerFeatures.IndexOf(AnswerFeatures.AskedUnknown);
    public static readonly int LeftOpen = AnswerFeatures.IndexOf(AnswerFeatures.LeftOpen);
    public static readonly int SemanticGap = AnswerFeatures.IndexOf(AnswerFeatures.SemanticGap);
    public static readonly int SemanticRank = AnswerFeatures.IndexOf(AnswerFeatures.SemanticRank);
    public static readonly int TypeMatch = AnswerFeatures.IndexOf(AnswerFeatures.TypeMatch);
    public static readonly int TypeMismatch = AnswerFeatures.IndexOf(AnswerFeatures.TypeMismatch);
    public static readonly int UnknownShare = AnswerFeatures.IndexOf(AnswerFeatures.UnknownShare);
    public static readonly int VerbUnused = AnswerFeatures.IndexOf(AnswerFeatures.VerbUnused);
    public static readonly int WhichNounMissing = AnswerFeatures.IndexOf(AnswerFeatures.WhichNounMissing);
    public static readonly int Words = AnswerFeatures.IndexOf(AnswerFeatures.Words);

    /// <summary>
    /// Where each of <see cref="AnswerFeatures.ConfidenceNames"/> comes from: a feature's slot, or a negative code for the
    /// rank's own measures (<see cref="RankScoreSource"/>, <see cref="RankProbabilitySource"/>, <see cref="RankMarginSource"/>).
    /// </summary>
    public static readonly int[] ConfidenceSources = AnswerFeatures.ConfidenceNames.Select(name => name switch
    {
        AnswerFeatures.RankScore => RankScoreSource,
        AnswerFeatures.RankProbability => RankProbabilitySource,
        AnswerFeatures.RankMargin => RankMarginSource,
        _ => AnswerFeatures.IndexOf(name),
    }).ToArray();

    public const int RankScoreSource = -1;
    public const int RankProbabilitySource = -2;
    public const int RankMarginSource = -3;
}
