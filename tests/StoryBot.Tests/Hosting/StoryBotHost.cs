using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace StoryBot.Tests.Hosting;

/// <summary>
/// The real host (Program) in a TestServer. Settings go in with UseSetting, which reaches the host as
/// command-line arguments before its services are built; the index lives in a private temp folder.
/// </summary>
public sealed class StoryBotHost : WebApplicationFactory<Program>
{
    private readonly ScratchFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;

    public StoryBotHost(Dictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Story:IndexPath"] = Path.Combine(_folder.Path, "index"),
        };
    }

    public string IndexPath => _settings["Story:IndexPath"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _folder.Dispose();
    }
}
