namespace StoryBot.Knowledge.Indexing;

/// <summary>Names of the fields each sentence document carries in the Lucene index.</summary>
public static class IndexFields
{
    /// <summary>"storyId:number", unique per sentence.</summary>
    public const string Id = "id";
    public const string Story = "story";
    public const string Number = "number";
    public const string Paragraph = "paragraph";
    public const string Text = "text";

    /// <summary>The sentence analysed with stemming: the main retrieval field.</summary>
    public const string Body = "body";

    /// <summary>The sentence's exact lower-cased words, no stemming: rewards the user's own word forms.</summary>
    public const string Exact = "exact";

    /// <summary>Titles of people the sentence names only by surname, and pronoun antecedents.</summary>
    public const string Alias = "alias";

    /// <summary>The neighbouring sentences, searched with low weight.</summary>
    public const string Context = "context";

    /// <summary>The sentence's embedding (float32 bytes), stored so it is computed once per build.</summary>
    public const string Vector = "vector";

    /// <summary>Answer types the sentence holds (number, time, person …).</summary>
    public const string Tags = "tags";
}
