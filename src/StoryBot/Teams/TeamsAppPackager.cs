using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace StoryBot.Teams;

/// <summary>
/// Builds the Microsoft Teams app package (a zip of manifest.json, color.png and outline.png at its root)
/// from <c>teams/manifest.template.json</c> and the icons, filling the bot's id from configuration.
/// Why a command and not a checked-in zip: the bot id differs per Azure registration, and a package with
/// a wrong or placeholder id installs in Teams but never reaches the bot.
/// </summary>
/// <remarks>
/// Command line: <c>teams-package [--app-id GUID] [--out PATH]</c>. The id comes from <c>--app-id</c>,
/// else configuration key <c>MicrosoftAppId</c> (environment variables override appsettings.json in the
/// host's configuration). Optional keys: <c>Teams:AppVersion</c>, <c>Teams:DeveloperName</c>,
/// <c>Teams:WebsiteUrl</c>, <c>Teams:PrivacyUrl</c>, <c>Teams:TermsUrl</c>.
/// Exit codes: 0 written; 2 bad arguments or configuration (one line on <c>error</c>); 1 the template or
/// an icon is missing or broken, or the zip cannot be written.
/// </remarks>
public static class TeamsAppPackager
{
    /// <summary>The command-line verb the host dispatches to <see cref="Run"/>.</summary>
    public const string Verb = "teams-package";

    /// <summary>Default output, relative to the content root.</summary>
    public const string DefaultOutput = "artifacts/storybot-teams.zip";

    /// <summary>Folder (relative to the content root) holding the template and the icons.</summary>
    public const string TeamsFolder = "teams";

    public const string DefaultAppVersion = "1.0.0";
    public const string DefaultDeveloperName = "StoryBot";
    // Placeholders under example.com (reserved for documentation): valid https URLs that install for
    // sideloading; set real pages before publishing to an organisation's app catalogue.
    public const string DefaultWebsiteUrl = "https://www.example.com/storybot";
    public const string DefaultPrivacyUrl = "https://www.example.com/storybot/privacy";
    public const string DefaultTermsUrl = "https://www.example.com/storybot/terms";

    private const string Usage = "usage: teams-package [--app-id <guid>] [--out <path>]";

    // The manifest schema's own patterns: guid (8-4-4-4-12 hex) and semver (x.y.z, no leading zeros).
    private static readonly Regex GuidPattern = new("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);
    private static readonly Regex SemverPattern = new(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex Placeholder = new(@"\{\{([A-Za-z0-9:]+)\}\}", RegexOptions.CultureInvariant);

    // A fixed timestamp for the zip entries, so the same inputs give a byte-identical package.
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string File, int Size)[] Icons = [("color.png", 192), ("outline.png", 32)];

    /// <summary>Writes the package; returns the process exit code. Never throws for expected failures.</summary>
    public static int Run(string[] args, IConfiguration configuration, string contentRoot, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(contentRoot);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (!TryParseArgs(args, out var appIdArg, out var outArg, out var help, out var argError))
        {
            error.WriteLine($"{Verb}: {argError} ({Usage})");
            return 2;
        }
        if (help)
        {
            output.WriteLine(Usage);
            output.WriteLine("Writes the Teams app package (manifest.json + color.png + outline.png). The bot id comes from");
            output.WriteLine("--app-id, else MicrosoftAppId (environment variable or appsettings.json).");
            output.WriteLine($"Default output: {DefaultOutput} under {contentRoot}.");
            return 0;
        }

        var source = appIdArg is not null ? "--app-id" : "MicrosoftAppId";
        var appId = (appIdArg ?? configuration["MicrosoftAppId"])?.Trim();
        if (string.IsNullOrEmpty(appId))
        {
            error.WriteLine($"{Verb}: MicrosoftAppId is not set: pass --app-id <guid> or set MicrosoftAppId (environment variable or appsettings.json) to the bot's Microsoft App ID.");
            return 2;
        }
        if (!GuidPattern.IsMatch(appId) || Guid.Parse(appId) == Guid.Empty)
        {
            error.WriteLine($"{Verb}: {source} '{Shorten(appId)}' is not a GUID: the bot's Microsoft App ID looks like 00000000-0000-0000-0000-000000000000 (not all zeros).");
            return 2;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MicrosoftAppId"] = appId.ToLowerInvariant(),
        };
        if (!TryRead(configuration, "Teams:AppVersion", DefaultAppVersion, SemverPattern.IsMatch, "must be a version like 1.0.0 (major.minor.patch)", values, error)
            || !TryRead(configuration, "Teams:DeveloperName", DefaultDeveloperName, v => v.Length <= 32, "must be at most 32 characters", values, error)
            || !TryRead(configuration, "Teams:WebsiteUrl", DefaultWebsiteUrl, IsHttpsUrl, "must be an absolute https URL", values, error)
            || !TryRead(configuration, "Teams:PrivacyUrl", DefaultPrivacyUrl, IsHttpsUrl, "must be an absolute https URL", values, error)
            || !TryRead(configuration, "Teams:TermsUrl", DefaultTermsUrl, IsHttpsUrl, "must be an absolute https URL", values, error))
        {
            return 2;
        }

        var teamsDir = Path.Combine(contentRoot, TeamsFolder);
        // A relative --out is relative to the current directory (as any command-line path); the default
        // is relative to the content root, so the package always lands in the repo's artifacts/ folder.
        var outPath = outArg is not null ? Path.GetFullPath(outArg) : Path.GetFullPath(Path.Combine(contentRoot, DefaultOutput));

        try
        {
            var templatePath = Path.Combine(teamsDir, "manifest.template.json");
            if (!File.Exists(templatePath))
            {
                error.WriteLine($"{Verb}: manifest template not found: {templatePath}");
                return 1;
            }
            var manifest = Fill(File.ReadAllText(templatePath), values, out var unknown);
            if (unknown is not null)
            {
                error.WriteLine($"{Verb}: {templatePath} uses an unknown placeholder {{{{{unknown}}}}}.");
                return 1;
            }

            var icons = new List<(string Name, byte[] Bytes)>();
            foreach (var (file, size) in Icons)
            {
                var path = Path.Combine(teamsDir, file);
                if (!File.Exists(path))
                {
                    error.WriteLine($"{Verb}: icon not found: {path}");
                    return 1;
                }
                var bytes = File.ReadAllBytes(path);
                if (!TryReadPngSize(bytes, out var w, out var h) || w != size || h != size)
                {
                    error.WriteLine($"{Verb}: {path} must be a {size}x{size} PNG.");
                    return 1;
                }
                icons.Add((file, bytes));
            }

            WriteZip(outPath, Encoding.UTF8.GetBytes(manifest), icons);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            error.WriteLine($"{Verb}: {e.GetType().Name}: {e.Message}");
            return 1;
        }

        output.WriteLine($"Teams app package written: {outPath} (bot id {values["MicrosoftAppId"]}, version {values["Teams:AppVersion"]})");
        if (values["Teams:WebsiteUrl"] == DefaultWebsiteUrl || values["Teams:PrivacyUrl"] == DefaultPrivacyUrl || values["Teams:TermsUrl"] == DefaultTermsUrl)
        {
            output.WriteLine("note: placeholder developer URLs (example.com) used; set Teams:WebsiteUrl, Teams:PrivacyUrl and Teams:TermsUrl before publishing beyond sideloading.");
        }
        return 0;
    }

    /// <summary>
    /// Replaces every <c>{{Key}}</c> inside the template's string values, working on the parsed JSON so
    /// values are escaped correctly (a developer name with a quote cannot break the manifest).
    /// </summary>
    internal static string Fill(string templateJson, IReadOnlyDictionary<string, string> values, out string? unknownPlaceholder)
    {
        var root = JsonNode.Parse(templateJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                   ?? throw new JsonException("the manifest template is empty");
        string? unknown = null;
        Visit(root);
        unknownPlaceholder = unknown;
        return root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            // Keep apostrophes and non-ASCII readable in manifest.json; Teams reads plain UTF-8 JSON.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";

        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToList())
                    {
                        if (child is JsonValue v && v.TryGetValue<string>(out var s)) obj[key] = Replace(s);
                        else Visit(child);
                    }
                    break;
                case JsonArray arr:
                    for (var i = 0; i < arr.Count; i++)
                    {
                        if (arr[i] is JsonValue v && v.TryGetValue<string>(out var s)) arr[i] = Replace(s);
                        else Visit(arr[i]);
                    }
                    break;
            }
        }

        string Replace(string s) => Placeholder.Replace(s, m =>
        {
            if (values.TryGetValue(m.Groups[1].Value, out var value)) return value;
            unknown ??= m.Groups[1].Value;
            return m.Value;
        });
    }

    private static bool TryParseArgs(string[] args, out string? appId, out string? outPath, out bool help, out string? problem)
    {
        appId = null;
        outPath = null;
        help = false;
        problem = null;
        var i = 0;
        if (args.Length > 0 && args[0] == Verb) i = 1; // the host may pass its whole argument list
        for (; i < args.Length; i++)
        {
            var arg = args[i];
            string name = arg, value;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            else if (arg is "--app-id" or "--out")
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problem = $"{arg} needs a value";
                    return false;
                }
                value = args[++i];
            }
            else if (arg is "--help" or "-h" or "-?")
            {
                help = true;
                continue;
            }
            else
            {
                problem = $"unknown argument '{Shorten(arg)}'";
                return false;
            }

            switch (name)
            {
                case "--app-id": appId = value; break;
                case "--out":
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        problem = "--out needs a value";
                        return false;
                    }
                    outPath = value;
                    break;
                default:
                    problem = $"unknown argument '{Shorten(name)}'";
                    return false;
            }
        }
        return true;
    }

    private static bool TryRead(IConfiguration configuration, string key, string fallback, Func<string, bool> isValid, string rule,
        Dictionary<string, string> values, TextWriter error)
    {
        var configured = configuration[key]?.Trim();
        var value = string.IsNullOrEmpty(configured) ? fallback : configured;
        if (!isValid(value))
        {
            error.WriteLine($"{Verb}: {key} '{Shorten(value)}' {rule}.");
            return false;
        }
        values[key] = value;
        return true;
    }

    private static bool IsHttpsUrl(string value) =>
        value.Length <= 2048 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    /// <summary>Width and height from a PNG's IHDR chunk (the first chunk, right after the signature).</summary>
    internal static bool TryReadPngSize(byte[] png, out int width, out int height)
    {
        width = height = 0;
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(signature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8)) return false;
        width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        return width > 0 && height > 0;
    }

    private static void WriteZip(string outPath, byte[] manifest, IEnumerable<(string Name, byte[] Bytes)> icons)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        // Write next to the target and move into place, so a failed run never leaves a half-written zip.
        var temp = outPath + ".tmp";
        try
        {
            using (var stream = File.Create(temp))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                Add(zip, "manifest.json", manifest);
                foreach (var (name, bytes) in icons) Add(zip, name, bytes);
            }
            File.Move(temp, outPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }

        static void Add(ZipArchive zip, string name, byte[] bytes)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var s = entry.Open();
            s.Write(bytes);
        }
    }
}
