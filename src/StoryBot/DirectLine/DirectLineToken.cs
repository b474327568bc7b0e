namespace StoryBot.DirectLine;

/// <summary>
/// An opaque bearer token of the built-in endpoint. It is random (not a JWT), so it carries nothing a
/// client could read or forge, and it names exactly one conversation until it expires.
/// </summary>
/// <param name="Value">The token itself (32 random bytes, base64url).</param>
/// <param name="ConversationId">The only conversation this token may read or write.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
public sealed record DirectLineToken(string Value, string ConversationId, DateTimeOffset ExpiresAt);
