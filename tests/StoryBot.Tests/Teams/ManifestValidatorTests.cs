using System.Text.Json.Nodes;
using Xunit;

namespace StoryBot.Tests.Teams;

/// <summary>
/// Proves the schema check can fail: the generated manifest, broken in one way at a time, is rejected by
/// teams/validate-manifest.mjs (ajv with the official Teams schema). A validator that accepted everything
/// would make <see cref="TeamsAppPackagerTests.GeneratedManifest_PassesTheOfficialTeamsSchema"/> worthless.
/// </summary>
public class ManifestValidatorTests
{
    private static JsonNode GeneratedManifest()
    {
        using var dir = new TempDir();
        return JsonNode.Parse(PackagerResult.BuildPackage(dir)["manifest.json"])!;
    }

    public static TheoryData<string> Mutations => new(MutationTable.Keys);

    private static readonly Dictionary<string, Action<JsonNode>> MutationTable = new()
    {
        ["missing bots[0].botId"] = m => m["bots"]![0]!.AsObject().Remove("botId"),
        ["botId not a GUID"] = m => m["bots"]![0]!["botId"] = "storybot",
        ["manifestVersion malformed"] = m => m["manifestVersion"] = "one point thirty",
        ["manifestVersion of another schema"] = m => m["manifestVersion"] = "1.29",
        ["app id not a GUID"] = m => m["id"] = "12345",
        ["accentColor not a hex colour"] = m => m["accentColor"] = "blue",
        ["short description over 80 chars"] = m => m["description"]!["short"] = new string('x', 81),
        ["unknown bot scope"] = m => m["bots"]![0]!["scopes"]!.AsArray().Add("everywhere"),
        ["unknown top-level property"] = m => m["storyBot"] = true,
        ["developer without privacyUrl"] = m => m["developer"]!.AsObject().Remove("privacyUrl"),
        ["websiteUrl not http(s)"] = m => m["developer"]!["websiteUrl"] = "ftp://example.com",
        ["missing icons"] = m => m.AsObject().Remove("icons"),
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Validator_RejectsABrokenManifest(string mutation)
    {
        var manifest = GeneratedManifest();
        MutationTable[mutation](manifest);
        var result = ManifestValidator.Validate(manifest.ToJsonString());
        Assert.False(result.IsValid, $"'{mutation}' was accepted:\n{result.Output}");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("invalid:", result.Output);
    }

    [Fact]
    public void Validator_ReportsTheMissingBotId()
    {
        var manifest = GeneratedManifest();
        manifest["bots"]![0]!.AsObject().Remove("botId");
        var result = ManifestValidator.Validate(manifest.ToJsonString());
        Assert.Contains("botId", result.Output);
    }

    [Fact]
    public void GeneratedManifest_UsesNothingNewerThanV1_19()
    {
        // The manifest relies only on long-standing bot features, so an organisation whose tooling lags can
        // lower manifestVersion to 1.19 (the brief's floor) without other edits: the v1.19 schema accepts it.
        var manifest = GeneratedManifest();
        manifest["manifestVersion"] = "1.19";
        manifest["$schema"] = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";
        var result = ManifestValidator.Validate(manifest.ToJsonString());
        Assert.True(result.IsValid, result.Output);
    }

    [Fact]
    public void Validator_AcceptsTheGeneratedManifest()
    {
        var result = ManifestValidator.Validate(GeneratedManifest().ToJsonString());
        Assert.True(result.IsValid, result.Output);
    }
}
