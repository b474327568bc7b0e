namespace StoryBot.Storage;

/// <summary>
/// A write whose ETag no longer matches the stored item: someone else saved it since it was read. An
/// <see cref="ArgumentException"/>, as the SDK's own storages throw for a conflict, so code written for
/// them keeps working; its own type so a turn can retry on exactly this and nothing else.
/// </summary>
public sealed class ETagConflictException : ArgumentException
{
    public ETagConflictException(string key, string? expected, string? current)
        : base($"Etag conflict on '{key}': expected {expected ?? "(none)"}, stored {current ?? "(none)"}.")
    {
        Key = key;
    }

    /// <summary>The storage key that was written concurrently.</summary>
    public string Key { get; }
}
