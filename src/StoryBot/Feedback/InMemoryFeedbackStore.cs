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
    private readonly OldestFirstMap<string, FeedbackRecord> _records = new(StringComparer.Ordinal);
    private readonly OldestFirstMap<string, SentAnswer> _sent = new(StringComparer.Ordinal); // by the time each stops being findable
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
            _records.Set(record.Key, record, record.Time); // a replaced rating takes its new record's place
            Prune();
            _records.TrimTo(_options.MaxRatings);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Prune();
            return Task.FromResult<IReadOnlyList<FeedbackRecord>>(_records.OldestFirst.ToList());
        }
    }

    public Task<string> GetOrCreateSaltAsync(CancellationToken cancellationToken = default) => Task.FromResult(_salt);

    public Task RememberSentAsync(string messageId, SentAnswer answer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            _sent.RemoveOldestWhile(until => until <= now);
            _sent.Set(messageId, answer, now + IFeedbackStore.SentAnswerLifetime);
            _sent.TrimTo(_options.MaxRatings);
        }

        return Task.CompletedTask;
    }

    public Task<SentAnswer?> FindSentAsync(string messageId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_sent.TryGetValue(messageId, out var answer, out var until) && until > _clock.GetUtcNow() ? answer : null);
        }
    }

    private void Prune()
    {
        var cutoff = _clock.GetUtcNow() - _options.Retention;
        _records.RemoveOldestWhile(time => time < cutoff);
    }
}
