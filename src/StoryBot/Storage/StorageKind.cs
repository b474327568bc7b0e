namespace StoryBot.Storage;

/// <summary>The values of <c>Storage:Kind</c>.</summary>
public enum StorageKind
{
    /// <summary>This process's memory: one instance, nothing to install.</summary>
    Memory,

    /// <summary>A Redis server shared by every instance.</summary>
    Redis,
}
