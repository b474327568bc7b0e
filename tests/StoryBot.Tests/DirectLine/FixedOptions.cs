using Microsoft.Extensions.Options;
using StoryBot.DirectLine;

namespace StoryBot.Tests.DirectLine;

/// <summary>Direct Line settings fixed for a test, as the stores read them (through IOptionsMonitor).</summary>
internal sealed class FixedOptions(DirectLineOptions value) : IOptionsMonitor<DirectLineOptions>
{
    public DirectLineOptions CurrentValue => value;

    public DirectLineOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<DirectLineOptions, string?> listener) => null;
}
