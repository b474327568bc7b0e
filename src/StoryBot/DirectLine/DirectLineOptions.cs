namespace StoryBot.DirectLine;

/// <summary>
/// Settings of the <c>DirectLine</c> configuration section. They exist so the same page works both
/// offline (the built-in Direct Line endpoint) and with Azure (a secret exchanged for a token), and
/// so that memory stays bounded however many visitors open the page.
/// </summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Azure Direct Line secret. Empty: the page talks to the built-in endpoint. Set: the page gets
    /// a token from <c>POST /api/directline/token</c>, which exchanges this secret server-side.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Where the secret is exchanged for a token (Azure's <c>tokens/generate</c>).</summary>
    public string TokenEndpoint { get; set; } = "https://directline.botframework.com/v3/directline/tokens/generate";

    /// <summary>Azure mode only: the Direct Line domain the widget should use (for example a regional
    /// endpoint). Empty: the widget's default.</summary>
    public string? Domain { get; set; }

    /// <summary>How long a token of the built-in endpoint stays valid; the widget refreshes it every 15 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A conversation nobody has touched (no post, no poll) for this long is evicted.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often idle conversations are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many conversations are kept; past it the least recently used one is evicted.</summary>
    public int MaxConversations { get; set; } = 1000;

    /// <summary>At most this many activities are kept per conversation; older ones are dropped.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Largest accepted request body for a posted activity, in bytes (a message typed on the page).
    /// Stricter than the host's one limit, <c>Hosting:MaxActivityBytes</c> (256 KB), which Kestrel enforces
    /// for every endpoint: a larger value here has no effect beyond it.</summary>
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>A bot turn that takes longer than this is cancelled.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the page's widget polls for activities, in milliseconds.</summary>
    public int PollingIntervalMs { get; set; } = 500;

    /// <summary>The bot's account id in built-in conversations.</summary>
    public string BotId { get; set; } = "storybot";

    /// <summary>The bot's display name in built-in conversations.</summary>
    public string BotName { get; set; } = "StoryBot";

    /// <summary>
    /// The Web Chat script the page loads: <c>lean</c> (default), the page's own esbuild bundle of the
    /// npm packages it uses (Markdown, citations, suggested actions, feedback; no Adaptive Cards or
    /// speech), or <c>full</c>, the official <c>webchat.js</c>.
    /// </summary>
    public string WebChatBundle { get; set; } = "lean";

    /// <summary>True when Azure mode is on.</summary>
    public bool UsesAzure => !string.IsNullOrWhiteSpace(Secret);
}
