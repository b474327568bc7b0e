namespace StoryBot.DirectLine;

/// <summary>Who a built-in Direct Line conversation is: its id and the user it was created for.</summary>
/// <param name="Id">The conversation id (random, base64url).</param>
/// <param name="UserId">The user id posted activities are attributed to.</param>
public sealed record DirectLineConversationRef(string Id, string UserId);
