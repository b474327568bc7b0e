namespace StoryBot.Knowledge.Answering;

/// <summary>
/// What <see cref="StableTop"/> orders: items 0..<see cref="Count"/>−1, each with a key and whether it takes part. A
/// struct implementing it keeps the selection free of delegates and their allocations on every question.
/// </summary>
internal interface IOrderKeys
{
    /// <summary>How many items there are.</summary>
    int Count { get; }

    /// <summary>Whether item <paramref name="i"/> takes part in the order at all.</summary>
    bool Includes(int i);

    /// <summary>Item <paramref name="i"/>'s key: higher comes first.</summary>
    float Key(int i);
}
