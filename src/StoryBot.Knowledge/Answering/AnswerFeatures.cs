namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The named evidence the scorer weighs for one (question, candidate sentence) pair. The names are the contract
/// between <see cref="AnswerSelector"/> (which measures them), the fitted model file (which weighs them) and
/// <c>ask --explain</c> (which prints them); their weights come from data (the <c>train</c> command), never from code.
/// </summary>
public static class AnswerFeatures
{
    /// <summary>IDF-weighted share of the question's concepts the sentence covers (own words, aliases, context).</summary>
    public const string Coverage = "coverage";

    /// <summary>Lucene BM25 score relative to the best lexical hit (0 when Lucene did not propose it).</summary>
    public const string Lexical = "lexical";

    /// <summary>1 / (1 + rank) among Lucene's candidates (0 when not among them).</summary>
    public const string LexicalRank = "lexicalRank";

    /// <summary>
    /// Plain BM25 of the question's own words (no concepts, synonyms or aliases) relative to the best sentence: a
    /// second lexical view that does not depend on the synonym tables.
    /// </summary>
    public const string Words = "words";

    /// <summary>The largest share of the question's own concept weight held by one concept the sentence does not match at all.</summary>
    public const string MissingConcept = "missingConcept";

    /// <summary>Cosine of the question's and the sentence's embeddings.</summary>
    public const string Semantic = "semantic";

    /// <summary>
    /// Cosine of the sentence before it in the same story (0 for the first): a sentence that goes on about what the one
    /// before introduced ("She spent nine days in a burn unit" after the Tacoma nurse) answers with its help.
    /// </summary>
    public const string SemanticPrevious = "semanticPrevious";

    /// <summary>Cosine minus the best cosine of any sentence (0 for the semantic top hit).</summary>
    public const string SemanticGap = "semanticGap";

    /// <summary>1 / (1 + rank) by cosine among all sentences.</summary>
    public const string SemanticRank = "semanticRank";

    /// <summary>Both retrievers rank this sentence first.</summary>
    public const string Agreement = "agreement";

    /// <summary>The sentence holds what the question type asks for (a time for when, a number for how many …).</summary>
    public const string TypeMatch = "typeMatch";

    /// <summary>The question asks for a type and the sentence does not hold it.</summary>
    public const string TypeMismatch = "typeMismatch";

    /// <summary>
    /// Type mismatch times coverage: a sentence that says everything the question names but not what it asks for
    /// ("where exactly will the zones be?" → "It focuses on the creation of four zones") is the story's nearest miss.
    /// </summary>
    public const string MismatchCovered = "mismatchCovered";

    /// <summary>"Who is the X of Y?" where nobody in the stories holds that role for Y.</summary>
    public const string NoRoleHolder = "noRoleHolder";

    /// <summary>"Who is &lt;role&gt;?": the sentence names a holder of that role.</summary>
    public const string NamesRoleHolder = "namesRoleHolder";

    /// <summary>A why-question and a sentence that states a reason (because, in response, amid …).</summary>
    public const string Reason = "reason";

    /// <summary>A person the question names is missing from the sentence.</summary>
    public const string PersonMissing = "personMissing";

    /// <summary>The question's main verb is never used by the stories in any wording (question-level).</summary>
    public const string VerbUnused = "verbUnused";

    /// <summary>"Which X" and the sentence does not mention X.</summary>
    public const string WhichNounMissing = "whichNounMissing";

    /// <summary>Share of the question's concept weight that no sentence uses in any wording (question-level).</summary>
    public const string UnknownShare = "unknownShare";

    /// <summary>A follow-up and the sentence is the previous answer.</summary>
    public const string FollowUpSame = "followUpSame";

    /// <summary>A follow-up and the sentence is next to the previous answer.</summary>
    public const string FollowUpAdjacent = "followUpAdjacent";

    /// <summary>"Who is X?" and the sentence introduces X with a title.</summary>
    public const string DefinesSubject = "definesSubject";

    /// <summary>"Who is X?" and the sentence mentions X.</summary>
    public const string MentionsSubject = "mentionsSubject";

    /// <summary>The story's first sentence (the lede).</summary>
    public const string Lede = "lede";

    /// <summary>The best cosine of any sentence (question-level: how on-topic the question is).</summary>
    public const string SemanticBest = "semanticBest";

    /// <summary>
    /// The noun the question asks for ("what party …", "the population of …", "how many X", "the name of the X") is
    /// used by no sentence in any wording (question-level): the story cannot state what it never names.
    /// </summary>
    public const string AskedUnknown = "askedUnknown";

    /// <summary>
    /// Share of the sentence's words the question says that stand in a clause the sentence leaves open ("he did not
    /// say whether the hiring deadline would be extended") or in what someone was asked to do ("asked the judge to
    /// order them back to work", unless the question asks about the request): what nobody has told does not answer.
    /// </summary>
    public const string LeftOpen = "leftOpen";

    /// <summary>Every feature, in the order of the vectors and of the model file's weights.</summary>
    public static readonly IReadOnlyList<string> Names = new[]
    {
        Coverage, MissingConcept, Lexical, LexicalRank, Words, Semantic, SemanticGap, SemanticRank, Agreement, TypeMatch, TypeMismatch, MismatchCovered,
        NoRoleHolder, NamesRoleHolder, Reason, PersonMissing, VerbUnused, WhichNounMissing, UnknownShare,
        FollowUpSame, FollowUpAdjacent, DefinesSubject, MentionsSubject, Lede, SemanticBest, SemanticPrevious, AskedUnknown, LeftOpen,
    };

    /// <summary>The candidate's softmax share of the ranking over all candidates (confidence input only).</summary>
    public const string RankProbability = "rankProbability";

    /// <summary>The candidate's ranking score minus the best other candidate's (confidence input only).</summary>
    public const string RankMargin = "rankMargin";

    /// <summary>The candidate's ranking score (confidence input only).</summary>
    public const string RankScore = "rankScore";

    /// <summary>
    /// Every input the calibrator's vector has a place for: how clearly the ranker prefers the candidate, the features
    /// that say whether the story holds an answer at all, and whether a follow-up stays with the previous answer. The
    /// <c>train</c> command fits the few named in <c>ScorerTrainer.CalibratorInputs</c>; the rest get weight 0.
    /// </summary>
    public static readonly IReadOnlyList<string> ConfidenceNames = new[]
    {
        RankScore, RankProbability, RankMargin, Coverage, MissingConcept, Lexical, Words, Semantic, SemanticGap, SemanticBest, TypeMatch, TypeMismatch, MismatchCovered,
        WhichNounMissing, UnknownShare, AskedUnknown, LeftOpen, VerbUnused, NoRoleHolder, PersonMissing, DefinesSubject, FollowUpSame, FollowUpAdjacent,
    };

    /// <summary>The features that need the semantic signal (zero in lexical-only mode).</summary>
    public static readonly IReadOnlySet<string> SemanticOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        Semantic, SemanticGap, SemanticRank, Agreement, SemanticBest, SemanticPrevious,
    };

    // Position by name, built once: features are set by name for every candidate of every question.
    private static readonly Dictionary<string, int> Positions = Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    public static int IndexOf(string name) =>
        Positions.TryGetValue(name, out var i) ? i : throw new ArgumentException($"Unknown answer feature '{name}'.", nameof(name));
}
