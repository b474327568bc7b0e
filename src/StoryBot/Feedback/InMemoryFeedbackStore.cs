using System.Security.Cryptography;

namespace StoryBot.Feedback;

/// <summary>
/// The store for Storage:Kind=memory: this process only, at most Feedback:MaxRatings records (the oldest go
/// first), each dropped after Feedback:RetentionDays, and as many sent answers by message id for a day. Its
/// salt is random and lives as long as the process.
/// </summary>
public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FeedbackRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SentAnswer Answer, DateTimeOffset Until)> _sent = new(StringComparer.Ordinal);
    private readonly FeedbackOptions _options;
    private readonly TimeProvider _clock;
    private readonly string _salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public InMemoryFeedbackStore(FeedbackOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    public Task AddOrReplaceAsync(FeedbackRecord record, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _records.Remove(record.Key); // re-added last: a replaced rating counts as the newest
            _records[record.Key] = record;
            Prune();
            if (_records.Count > _options.MaxRatings)
            {
                foreach (var oldest in _records.Values.OrderBy(r => r.Time).Take(_records.Count - _options.MaxRatings).ToList())
                {
                    _records.Remove(oldest.Key);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Prune();
            return Task.FromResult<IReadOnlyList<FeedbackRecord>>(_records.Values.OrderBy(r => r.Time).ToList());
        }
    }

    public Task<string> GetOrCreateSaltAsync(CancellationToken cancellationToken = default) => Task.FromResult(_salt);

    public Task RememberSentAsync(string messageId, SentAnswer answer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var expired in _sent.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                _sent.Remove(expired);
            }

            if (_sent.Count >= _options.MaxRatings)
            {
                _sent.Remove(_sent.MinBy(e => e.Value.Until).Key);
            }

            _sent[messageId] = (answer, now + IFeedbackStore.SentAnswerLifetime);
        }

        return Task.CompletedTask;
    }

    public Task<SentAnswer?> FindSentAsync(string messageId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_sent.TryGetValue(messageId, out var e) && e.Until > _clock.GetUtcNow() ? e.Answer : null);
        }
    }

    private void Prune()
    {
        var cutoff = _clock.GetUtcNow() - _options.Retention;
        foreach (var expired in _records.Values.Where(r => r.Time < cutoff).Select(r => r.Key).ToList())
        {
            _records.Remove(expired);
        }
    }
}
