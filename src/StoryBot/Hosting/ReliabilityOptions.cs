namespace StoryBot.Hosting;

/// <summary>
/// Settings for the host's protective limits, read from the root <c>appsettings.json</c> (environment
/// variables override, e.g. <c>RateLimiting__Enabled=false</c>). See docs/reliability.md.
/// </summary>
public sealed record ReliabilityOptions
{
    /// <summary>Host environments where <c>RateLimiting:Enabled = auto</c> means off (tests and benchmarks).</summary>
    public static readonly string[] RateLimitingOffEnvironments = ["Development", "Test", "Testing", "Benchmark"];

    /// <summary>RateLimiting:Enabled: <c>true</c>, <c>false</c> or <c>auto</c> (on, except in <see cref="RateLimitingOffEnvironments"/>).</summary>
    public bool RateLimitingEnabled { get; init; }

    /// <summary>RateLimiting:PermitLimit: activities accepted per conversation per window.</summary>
    public int RateLimitPermits { get; init; } = 20;

    /// <summary>RateLimiting:WindowSeconds.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Turns:MaxQueuedPerConversation: turns of one conversation that may wait while one runs.</summary>
    public int MaxQueuedTurnsPerConversation { get; init; } = 16;

    /// <summary>Turns:QueueTimeoutSeconds: how long a turn waits for the conversation's previous one.</summary>
    public TimeSpan TurnQueueTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>ConversationState:IdleMinutes: state of a conversation unused this long is dropped.</summary>
    public TimeSpan ConversationIdle { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>ConversationState:MaxConversations: most conversations whose state is held.</summary>
    public int MaxConversations { get; init; } = 10_000;

    /// <summary>ConversationState:SweepSeconds: how often (at most) idle state is swept.</summary>
    public TimeSpan StateSweepInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connector:TimeoutSeconds: a reply POSTed to the channel's serviceUrl gives up after this.</summary>
    public TimeSpan ConnectorTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Hosting:ShutdownTimeoutSeconds: how long a stopping host lets in-flight turns finish.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Hosting:MaxActivityBytes: the largest request body the host reads (an activity; Teams' own limit for a
    /// message is about 100 KB). Kestrel's <c>MaxRequestBodySize</c> is set to exactly this, so no endpoint
    /// can be sent more; an endpoint may only be stricter (Direct Line's <c>MaxActivityBytes</c>, 32 KB).
    /// </summary>
    public int MaxActivityBytes { get; init; } = 256 * 1024;

    public static ReliabilityOptions From(IConfiguration configuration, string environmentName)
    {
        var enabled = (configuration["RateLimiting:Enabled"] ?? "auto").Trim();
        var on = enabled.ToLowerInvariant() switch
        {
            "true" or "on" or "1" => true,
            "false" or "off" or "0" => false,
            _ => !RateLimitingOffEnvironments.Contains(environmentName, StringComparer.OrdinalIgnoreCase),
        };

        // The property initialisers above are the only defaults: a key that is absent keeps its default.
        var d = new ReliabilityOptions();
        return new ReliabilityOptions
        {
            RateLimitingEnabled = on,
            RateLimitPermits = Math.Max(1, configuration.GetValue("RateLimiting:PermitLimit", d.RateLimitPermits)),
            RateLimitWindow = Seconds(configuration.GetValue("RateLimiting:WindowSeconds", d.RateLimitWindow.TotalSeconds)),
            MaxQueuedTurnsPerConversation = Math.Max(0, configuration.GetValue("Turns:MaxQueuedPerConversation", d.MaxQueuedTurnsPerConversation)),
            TurnQueueTimeout = Seconds(configuration.GetValue("Turns:QueueTimeoutSeconds", d.TurnQueueTimeout.TotalSeconds)),
            ConversationIdle = TimeSpan.FromMinutes(Math.Max(0.01, configuration.GetValue("ConversationState:IdleMinutes", d.ConversationIdle.TotalMinutes))),
            MaxConversations = Math.Max(1, configuration.GetValue("ConversationState:MaxConversations", d.MaxConversations)),
            StateSweepInterval = Seconds(configuration.GetValue("ConversationState:SweepSeconds", d.StateSweepInterval.TotalSeconds)),
            ConnectorTimeout = Seconds(configuration.GetValue("Connector:TimeoutSeconds", d.ConnectorTimeout.TotalSeconds)),
            ShutdownTimeout = Seconds(configuration.GetValue("Hosting:ShutdownTimeoutSeconds", d.ShutdownTimeout.TotalSeconds)),
            MaxActivityBytes = Math.Clamp(configuration.GetValue("Hosting:MaxActivityBytes", d.MaxActivityBytes), 1024, 16 * 1024 * 1024),
        };
    }

    private static TimeSpan Seconds(double value) => TimeSpan.FromSeconds(Math.Max(0.05, value));
}
