namespace StoryBot.Knowledge.Indexing;

/// <summary>What happened when the index was opened, so the host can log it and tests can assert it.</summary>
public enum IndexOpenResult
{
    /// <summary>An index for the same stories existed and was opened as is.</summary>
    Reused,

    /// <summary>No index existed (missing or empty folder): built.</summary>
    Built,

    /// <summary>The stories changed since the index was built: rebuilt.</summary>
    RebuiltChanged,

    /// <summary>The index could not be read (corrupt or foreign files): rebuilt.</summary>
    RebuiltCorrupt,

    /// <summary>The folder could not be written (locked or read-only): an in-memory index serves instead.</summary>
    InMemoryFallback,
}
