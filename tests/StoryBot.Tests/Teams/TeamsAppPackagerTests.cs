using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using StoryBot.Teams;
using Xunit;

namespace StoryBot.Tests.Teams;

/// <summary>
/// The Teams app package: what `teams-package` writes, that its manifest passes Microsoft's official schema,
/// that the icons meet Teams' rules, and that a missing or malformed bot id fails with one clear line.
/// </summary>
public class TeamsAppPackagerTests
{
    private static readonly Dictionary<string, string?> NoConfig = new();

    [Fact]
    public void Package_HoldsExactlyManifestAndBothIcons_AtItsRoot()
    {
        using var dir = new TempDir();
        var entries = PackagerResult.BuildPackage(dir);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.TeamsDir, "color.png")), entries["color.png"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.TeamsDir, "outline.png")), entries["outline.png"]);
    }

    [Fact]
    public void GeneratedManifest_PassesTheOfficialTeamsSchema()
    {
        using var dir = new TempDir();
        var manifest = System.Text.Encoding.UTF8.GetString(PackagerResult.BuildPackage(dir)["manifest.json"]);
        var result = ManifestValidator.Validate(manifest);
        Assert.True(result.IsValid, result.Output);
        Assert.Contains("schema v1.30", result.Output);
    }

    [Fact]
    public void GeneratedManifest_AlsoPassesWithCustomDeveloperInfo()
    {
        using var dir = new TempDir();
        var config = new Dictionary<string, string?>
        {
            ["Teams:AppVersion"] = "2.3.4",
            ["Teams:DeveloperName"] = "Contoso \"News\" Lab",
            ["Teams:WebsiteUrl"] = "https://contoso.example/storybot",
            ["Teams:PrivacyUrl"] = "https://contoso.example/privacy",
            ["Teams:TermsUrl"] = "https://contoso.example/terms",
        };
        var json = System.Text.Encoding.UTF8.GetString(PackagerResult.BuildPackage(dir, config: config)["manifest.json"]);
        var m = JsonNode.Parse(json)!;
        Assert.Equal("2.3.4", (string?)m["version"]);
        Assert.Equal("Contoso \"News\" Lab", (string?)m["developer"]!["name"]);
        Assert.Equal("https://contoso.example/storybot", (string?)m["developer"]!["websiteUrl"]);
        Assert.Equal("https://contoso.example/privacy", (string?)m["developer"]!["privacyUrl"]);
        Assert.Equal("https://contoso.example/terms", (string?)m["developer"]!["termsOfUseUrl"]);
        var result = ManifestValidator.Validate(json);
        Assert.True(result.IsValid, result.Output);
    }

    [Fact]
    public void GeneratedManifest_CarriesTheBotIdScopesAndCommandList()
    {
        using var dir = new TempDir();
        var json = System.Text.Encoding.UTF8.GetString(PackagerResult.BuildPackage(dir, TeamsFixtures.AppId.ToUpperInvariant())["manifest.json"]);
        Assert.DoesNotContain("{{", json);
        var m = JsonNode.Parse(json)!;
        var bot = m["bots"]![0]!;
        Assert.Equal(TeamsFixtures.AppId, (string?)bot["botId"]);
        Assert.Equal(TeamsFixtures.AppId, (string?)m["id"]);
        Assert.Equal(["personal", "groupChat", "team"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.False((bool)bot["supportsFiles"]!);
        Assert.False((bool)bot["isNotificationOnly"]!);

        // Every scope the bot is installed in gets the same three commands; no prompt starters (see docs/teams.md).
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(["groupChat", "personal", "team"], lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => (string)s!)).Order());
        foreach (var list in lists)
        {
            var titles = list!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
            Assert.Equal(["help", "summary", "Who did Trump meet?"], titles);
            Assert.All(list["commands"]!.AsArray(), c => Assert.Null(c!["type"])); // basic commands, not prompts
        }

        Assert.Equal("color.png", (string?)m["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)m["icons"]!["outline"]);
        Assert.StartsWith("https://", (string?)m["developer"]!["privacyUrl"]);
        Assert.InRange(((string)m["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)m["description"]!["full"]!).Length, 1, 4000);
        Assert.NotNull(m["validDomains"]);
    }

    [Fact]
    public void ColorIcon_Is192Square_AndFullColour()
    {
        using var dir = new TempDir();
        var color = PngImage.Decode(PackagerResult.BuildPackage(dir)["color.png"]);
        Assert.Equal((192, 192), (color.Width, color.Height));
        // Full-bleed brand background: opaque everywhere, and more than two colours (it is a picture).
        Assert.All(color.Pixels(), p => Assert.Equal(255, p.A));
        Assert.True(color.Pixels().Distinct().Count() > 2);
    }

    [Fact]
    public void OutlineIcon_Is32Square_OnlyWhiteAndTransparent_WithSomeTransparency()
    {
        using var dir = new TempDir();
        var outline = PngImage.Decode(PackagerResult.BuildPackage(dir)["outline.png"]);
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = outline.Pixels().ToList();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither white nor transparent"));
        Assert.Contains(pixels, p => p.A == 0);   // a transparent background
        Assert.Contains(pixels, p => p.A == 255); // and a solid white symbol
        Assert.InRange(pixels.Count(p => p.A == 0), 32 * 32 / 5, 32 * 32 * 4 / 5);
    }

    [Fact]
    public void MissingAppId_Exits2_WithOneClearLine_AndWritesNothing()
    {
        using var dir = new TempDir();
        var zip = dir.File("out.zip");
        var result = PackagerResult.Run(NoConfig, "--out", zip);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("MicrosoftAppId is not set", line);
        Assert.Contains("--app-id", line);
        Assert.False(File.Exists(zip));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301")]        // no dashes: Teams' schema wants 8-4-4-4-12
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]  // braces
    [InlineData("00000000-0000-0000-0000-000000000000")]    // the empty GUID is nobody's app id
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c330")]     // one digit short
    public void NonGuidAppId_Exits2_WithOneClearLine(string badId)
    {
        using var dir = new TempDir();
        var zip = dir.File("out.zip");
        foreach (var result in new[]
        {
            PackagerResult.Run(NoConfig, "--app-id", badId, "--out", zip),
            PackagerResult.Run(new Dictionary<string, string?> { ["MicrosoftAppId"] = badId }, "--out", zip),
        })
        {
            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("is not a GUID", line);
            Assert.DoesNotContain(" at ", line);
        }
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void AppIdArgument_OverridesConfiguration()
    {
        using var dir = new TempDir();
        var config = new Dictionary<string, string?> { ["MicrosoftAppId"] = "11111111-1111-1111-1111-111111111111" };
        var json = System.Text.Encoding.UTF8.GetString(PackagerResult.BuildPackage(dir, TeamsFixtures.AppId, config)["manifest.json"]);
        Assert.Equal(TeamsFixtures.AppId, (string?)JsonNode.Parse(json)!["bots"]![0]!["botId"]);
    }

    [Fact]
    public void AppIdFromConfiguration_EnvironmentOverridesAppsettings()
    {
        // The host builds configuration as appsettings.json, then environment variables; the packager reads
        // whatever wins. Reproduce that layering with a unique prefix so parallel tests are not affected.
        using var dir = new TempDir();
        File.WriteAllText(dir.File("appsettings.json"), """{ "MicrosoftAppId": "11111111-1111-1111-1111-111111111111" }""");
        const string prefix = "STORYBOT_TEAMS_PACKAGER_TEST_";
        Environment.SetEnvironmentVariable(prefix + "MicrosoftAppId", TeamsFixtures.AppId);
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(dir.File("appsettings.json"))
                .AddEnvironmentVariables(prefix)
                .Build();
            var zip = dir.File("p.zip");
            var code = TeamsAppPackager.Run(["--out", zip], configuration, RepoPaths.Root, TextWriter.Null, TextWriter.Null);
            Assert.Equal(0, code);
            using var archive = ZipFile.OpenRead(zip);
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            Assert.Equal(TeamsFixtures.AppId, (string?)JsonNode.Parse(reader.ReadToEnd())!["bots"]![0]!["botId"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "MicrosoftAppId", null);
        }
    }

    [Fact]
    public void DefaultOutput_IsArtifactsZipUnderTheContentRoot()
    {
        // A copy of teams/ in a scratch content root, so the test leaves the repo's artifacts/ alone.
        using var root = new TempDir();
        Directory.CreateDirectory(root.File("teams"));
        foreach (var f in new[] { "manifest.template.json", "color.png", "outline.png" })
            File.Copy(Path.Combine(RepoPaths.TeamsDir, f), Path.Combine(root.Path, "teams", f));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = TeamsFixtures.AppId }).Build();
        var output = new StringWriter();
        var code = TeamsAppPackager.Run([TeamsAppPackager.Verb], configuration, root.Path, output, TextWriter.Null);
        Assert.Equal(0, code);
        var expected = Path.Combine(root.Path, "artifacts", "storybot-teams.zip");
        Assert.True(File.Exists(expected));
        Assert.Contains(expected, output.ToString());
    }

    [Fact]
    public void SameInputs_GiveAByteIdenticalPackage()
    {
        using var dir = new TempDir();
        var a = PackagerResult.Run(NoConfig, "--app-id", TeamsFixtures.AppId, "--out", dir.File("a.zip"));
        var b = PackagerResult.Run(NoConfig, "--app-id", TeamsFixtures.AppId, "--out", dir.File("b.zip"));
        Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(dir.File("a.zip"))), SHA256.HashData(File.ReadAllBytes(dir.File("b.zip"))));
    }

    [Theory]
    [InlineData("Teams:WebsiteUrl", "http://insecure.example")]
    [InlineData("Teams:PrivacyUrl", "not a url")]
    [InlineData("Teams:TermsUrl", "ftp://example.com/terms")]
    [InlineData("Teams:AppVersion", "1.0")]
    [InlineData("Teams:AppVersion", "01.0.0")]
    [InlineData("Teams:DeveloperName", "A developer name that is longer than thirty-two characters")]
    public void InvalidOptionalSetting_Exits2_NamingTheKey(string key, string value)
    {
        using var dir = new TempDir();
        var result = PackagerResult.Run(new Dictionary<string, string?> { [key] = value }, "--app-id", TeamsFixtures.AppId, "--out", dir.File("x.zip"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(key, Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--out")]
    [InlineData("--app-id")]
    public void BadArguments_Exit2_WithUsage(string arg)
    {
        var result = PackagerResult.Run(NoConfig, arg);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: teams-package", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
