using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Configuration;
using StoryBot.Teams;

namespace StoryBot.Tests.Teams;

/// <summary>Locates the repository (the content root: the folder holding teams/) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string TeamsDir => Path.Combine(Root, "teams");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "teams", "manifest.template.json"))) return dir.FullName;
        }
        throw new InvalidOperationException($"teams/manifest.template.json not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A throw-away folder under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("storybot-teams-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Runs <see cref="TeamsAppPackager.Run"/> the way the host's CLI does and captures its streams.</summary>
internal sealed record PackagerResult(int ExitCode, string Output, string Error)
{
    public static PackagerResult Run(IDictionary<string, string?> config, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = TeamsAppPackager.Run(args, configuration, RepoPaths.Root, output, error);
        return new PackagerResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Builds a package with a valid id into <paramref name="dir"/> and returns the zip's entries.</summary>
    public static Dictionary<string, byte[]> BuildPackage(TempDir dir, string appId = TeamsFixtures.AppId, IDictionary<string, string?>? config = null)
    {
        var zipPath = dir.File("storybot-teams.zip");
        var result = Run(config ?? new Dictionary<string, string?>(), "--app-id", appId, "--out", zipPath);
        if (result.ExitCode != 0) throw new InvalidOperationException($"packager failed ({result.ExitCode}): {result.Error}");
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        });
    }
}

internal static class TeamsFixtures
{
    public const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
}

/// <summary>
/// The official-schema check: runs teams/validate-manifest.mjs (npm ajv + the Teams JSON schemas shipped in
/// npm @microsoft/app-manifest). Installs teams/node_modules with `npm ci` first when it is missing, so a clean
/// clone works. Any failure to run node or npm fails the test: schema validation is never skipped.
/// </summary>
internal static class ManifestValidator
{
    private static readonly object InstallLock = new();
    private static bool installed;

    public sealed record Result(int ExitCode, string Output)
    {
        public bool IsValid => ExitCode == 0;
    }

    public static Result Validate(string manifestJson)
    {
        EnsureNodeModules();
        using var dir = new TempDir();
        var path = dir.File("manifest.json");
        System.IO.File.WriteAllText(path, manifestJson, new UTF8Encoding(false));
        var (code, output) = Exec("node", RepoPaths.TeamsDir, TimeSpan.FromMinutes(1), "validate-manifest.mjs", path);
        return new Result(code, output);
    }

    /// <summary>
    /// Runs teams/validate-adaptive-card.mjs on each card: the official Adaptive Card schema shipped in npm
    /// adaptivecards-designer (lib/adaptive-card-schema.js), pinned in teams/package-lock.json.
    /// </summary>
    public static Result ValidateAdaptiveCards(IReadOnlyList<string> cardsJson)
    {
        EnsureNodeModules();
        using var dir = new TempDir();
        var paths = cardsJson.Select((json, i) =>
        {
            var path = dir.File($"card-{i + 1}.json");
            System.IO.File.WriteAllText(path, json, new UTF8Encoding(false));
            return path;
        }).ToList();
        var (code, output) = Exec("node", RepoPaths.TeamsDir, TimeSpan.FromMinutes(1), ["validate-adaptive-card.mjs", .. paths]);
        return new Result(code, output);
    }

    private static void EnsureNodeModules()
    {
        lock (InstallLock)
        {
            if (installed) return;
            var modules = Path.Combine(RepoPaths.TeamsDir, "node_modules");
            string[] needed = ["@microsoft/app-manifest", "ajv", "ajv-draft-04", "ajv-formats", "adaptivecards-designer"];
            if (!needed.All(p => System.IO.File.Exists(Path.Combine(modules, p, "package.json"))))
            {
                var (code, output) = Exec("npm", RepoPaths.TeamsDir, TimeSpan.FromMinutes(5), "ci", "--no-audit", "--no-fund", "--ignore-scripts");
                if (code != 0) throw new InvalidOperationException($"`npm ci` in {RepoPaths.TeamsDir} failed ({code}):\n{output}");
            }
            installed = true;
        }
    }

    private static (int Code, string Output) Exec(string file, string workingDir, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>
/// A minimal PNG reader for the icon checks (8-bit RGB or RGBA, not interlaced: what the icon generator
/// writes). Anything else is reported as unsupported, which fails the test rather than passing blindly.
/// </summary>
internal sealed class PngImage
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        this.rgba = rgba;
    }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = (y * Width + x) * 4;
            return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                yield return this[x, y];
    }

    public static PngImage Decode(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, colorType = -1;
        using var idat = new MemoryStream();
        for (var pos = 8; pos + 8 <= png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos, 4));
            var type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data[..4]);
                height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data[4..8]);
                int bitDepth = data[8], interlace = data[12];
                colorType = data[9];
                if (bitDepth != 8 || interlace != 0 || (colorType != 2 && colorType != 6))
                    throw new NotSupportedException($"PNG bit depth {bitDepth}, colour type {colorType}, interlace {interlace} not supported by the test reader");
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + length;
        }

        var bpp = colorType == 6 ? 4 : 3;
        var stride = width * bpp;
        using var z = new ZLibStream(new MemoryStream(idat.ToArray()), CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);

        var rgba = new byte[width * height * 4];
        var prev = new byte[stride];
        var line = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, line, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"bad PNG filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 4;
                rgba[o] = line[x * bpp];
                rgba[o + 1] = line[x * bpp + 1];
                rgba[o + 2] = line[x * bpp + 2];
                rgba[o + 3] = bpp == 4 ? line[x * bpp + 3] : (byte)255;
            }
            (prev, line) = (line, prev);
        }
        return new PngImage(width, height, rgba);

        static int Paeth(int a, int b, int c)
        {
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
