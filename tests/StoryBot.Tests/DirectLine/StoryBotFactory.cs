using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace StoryBot.Tests.DirectLine;

/// <summary>
/// The real host (the app's top-level Program) with test settings, in memory or on Kestrel.
/// </summary>
public sealed class StoryBotFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public StoryBotFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>
        {
            // each host gets its own index folder, so parallel tests never share a write lock
            ["Story:IndexPath"] = Path.Combine(Path.GetTempPath(), "storybot-test-index-" + Guid.NewGuid().ToString("N")),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        _settings = merged;
    }

    /// <summary>The repository root (the folder holding Bot.sln).</summary>
    public static string RepoRoot => Repo.Root;

    /// <summary>Starts the host on Kestrel on a free loopback port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
