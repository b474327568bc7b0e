using StoryBot.Knowledge.Analysis;

namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The runs of a sentence's words the question does not say, each within a clause (a run ends at punctuation): where
/// the answer to a what/why/how question stands. One scan for the type rules' pick and the span candidates.
/// </summary>
internal static class UnsaidRuns
{
    /// <summary>The first and last token of each run, in sentence order.</summary>
    /// <param name="said">Per token: the question says it.</param>
    public static List<(int First, int Last)> Of(IReadOnlyList<WordToken> tokens, bool[] said)
    {
        var runs = new List<(int First, int Last)>();
        for (var i = 0; i < tokens.Count;)
        {
            if (said[i])
            {
                i++;
                continue;
            }

            var j = i;
            while (j < tokens.Count && !said[j] && (j == i || !tokens[j - 1].PunctuationAfter))
            {
                j++;
            }

            runs.Add((i, j - 1));
            i = j;
        }

        return runs;
    }
}
