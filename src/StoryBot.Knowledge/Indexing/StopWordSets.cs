using Lucene.Net.Analysis.Util;

namespace StoryBot.Knowledge.Indexing;

/// <summary>
/// Stop words for each side of retrieval. Sentences drop only function words; questions also drop
/// question words and conversational filler ("who", "exactly", "seem") because the intent and answer-type
/// rules read those from the raw text, not from the query.
/// </summary>
public static class StopWordSets
{
    private static readonly string[] Function =
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    };

    private static readonly string[] QuestionExtra =
    {
        "who", "whom", "whose", "what", "when", "where", "why", "how", "which", "whats", "what's", "who's", "where's",
        // the other contracted question words ("whens the meeting" is written out as "when's the meeting")
        "when's", "how's", "why's", "who'd", "what'd", "where'd", "when'd", "how'd", "why'd", "who're", "what're", "where're",
        "do", "does", "did", "done", "doing", "has", "have", "had", "having", "am", "were", "been", "being", "can", "could",
        "would", "should", "shall", "may", "might", "must", "i", "me", "my", "you", "your", "we", "us", "our", "he", "him",
        "his", "she", "her", "hers", "its", "them", "those", "about", "from", "so", "than", "too", "very", "just", "also",
        "any", "some", "all", "much", "many", "more", "most", "other", "such", "only", "own", "same", "up", "out", "off",
        "over", "again", "further", "once", "here", "both", "each", "few", "nor", "now", "please", "tell", "know", "say",
        "said", "says", "exactly", "really", "actually", "seem", "seems", "seemed", "anything", "something", "thing",
        "things", "kind", "kinds", "sort", "lot", "get", "got", "gets", "like", "happen", "happened", "going", "go",
        "according", "story", "article", "text", "one", "ones", "even", "still", "yet", "ever", "then", "whether", "else",
        "there", "because", "while", "during", "before", "after", "between", "against", "among", "within", "without",
        "through", "via", "per", "is", "it", "it's", "that's", "this", "these", "don't", "doesn't", "didn't", "isn't",
        "wasn't", "aren't", "weren't", "can't", "won't", "let", "let's", "ok", "okay", "hey", "hi", "hello", "well", "mean",
        // light verbs: in "give a warning", "make a decision", "take a look" the noun carries the meaning
        "give", "gave", "given", "make", "made", "makes", "take", "took", "taken",
        // politeness riding along with a question ("thanks! who did …")
        "thanks", "thank", "thx", "cheers", "pls", "plz", "sorry", "bot", "storybot",
        // connectors of cause that carry no topic ("due to the war")
        "due", "owing", "thanks",
        // semi-auxiliaries: in "who was it supposed to help" the verb after them carries the meaning
        "supposed", "meant", "able", "unable", "gonna", "wanna", "gotta",
        // hedges and chat filler ("roughly how many", "what kinda chips", "or nah", "the whole russia thing")
        "roughly", "approximately", "basically", "literally", "kinda", "sorta", "nah", "stuff", "whole", "remind",
    };

    /// <summary>The index-side set: function words only.</summary>
    public static readonly CharArraySet Index = new(StoryAnalyzer.Version, Function, ignoreCase: true);

    /// <summary>The question-side set: function words, question words and filler.</summary>
    public static readonly CharArraySet Question = new(StoryAnalyzer.Version, Function.Concat(QuestionExtra).ToArray(), ignoreCase: true);
}
