namespace StoryBot.Knowledge.Answering;

/// <summary>
/// The semantic retriever's order of the sentences: by cosine to the question, highest first, earlier documents first
/// among equal cosines (what a stable <c>OrderByDescending</c> over the document ids gives), over the documents that are
/// sentences. Answering needs only the first few and the rank of each candidate, so both are found by comparing
/// instead of sorting every sentence and indexing them all by document on every question (at 100 stories, 2,000
/// entries sorted and hashed for some 16 candidates).
/// </summary>
internal static class SemanticOrder
{
    /// <summary>Fills <paramref name="into"/> with the first documents of the order and returns how many it filled.</summary>
    /// <param name="cosines">Each document's cosine to the question.</param>
    /// <param name="eligible">Per document, whether it is a sentence (in the order at all).</param>
    /// <param name="into">Receives the first documents, as many as it holds.</param>
    public static int Top(float[] cosines, IReadOnlyList<bool> eligible, Span<int> into) => StableTop.Fill(new SentenceCosines(cosines, eligible), into);

    /// <summary>The 0-based position of <paramref name="doc"/> in the order: how many eligible documents come before it.</summary>
    public static int RankOf(float[] cosines, IReadOnlyList<bool> eligible, int doc)
    {
        var rank = 0;
        var cosine = cosines[doc];
        for (var other = 0; other < cosines.Length; other++)
        {
            if (other != doc && IsEligible(eligible, other))
            {
                var order = cosines[other].CompareTo(cosine);
                if (order > 0 || (order == 0 && other < doc))
                {
                    rank++;
                }
            }
        }

        return rank;
    }

    private static bool IsEligible(IReadOnlyList<bool> eligible, int doc) => doc < eligible.Count && eligible[doc];

    /// <summary>The documents keyed by cosine, only the sentences taking part, for <see cref="StableTop"/>.</summary>
    private readonly struct SentenceCosines(float[] cosines, IReadOnlyList<bool> eligible) : IOrderKeys
    {
        public int Count => cosines.Length;

        public bool Includes(int i) => IsEligible(eligible, i);

        public float Key(int i) => cosines[i];
    }
}
