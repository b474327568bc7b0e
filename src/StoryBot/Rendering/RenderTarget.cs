namespace StoryBot.Rendering;

/// <summary>How a channel shows replies: full Markdown with Web Chat citations, or Teams' two flavours.</summary>
public enum RenderTarget
{
    /// <summary>Emulator and Web Chat: Markdown, reference-link citations with the sentence in the modal.</summary>
    Markdown,

    /// <summary>Teams personal and group chats: Markdown subset, native citations without appearance text.</summary>
    TeamsChat,

    /// <summary>Teams channels: no native citations, a plain-text reference instead.</summary>
    TeamsChannel,
}
