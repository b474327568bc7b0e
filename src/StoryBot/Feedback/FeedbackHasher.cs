using System.Security.Cryptography;
using System.Text;

namespace StoryBot.Feedback;

/// <summary>
/// Turns a user or conversation id into a salted hash: ratings by one person can be told apart and counted,
/// but not traced back without the salt. The salt is Feedback:HashSalt, or else the one kept in the store
/// (made once), so every instance sharing the store hashes alike.
/// </summary>
public sealed class FeedbackHasher
{
    private readonly FeedbackOptions _options;
    private readonly IFeedbackStore _store;
    private string? _salt;

    public FeedbackHasher(FeedbackOptions options, IFeedbackStore store)
    {
        _options = options;
        _store = store;
    }

    public async Task<string> HashAsync(string channel, string? id, CancellationToken cancellationToken = default)
    {
        _salt ??= _options.HashSalt.Length > 0 ? _options.HashSalt : await _store.GetOrCreateSaltAsync(cancellationToken);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(_salt + "\n" + channel + "\n" + (id ?? string.Empty)));
        return Convert.ToHexStringLower(bytes)[..32];
    }
}
