using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StoryBot.Knowledge.Semantics;

/// <summary>
/// A model that a package embeds as a resource, copied once to a file that ONNX Runtime can read. Why: loading it
/// through the resource stream (as the package's own loader does) leaves the model resident three times — the pages of
/// the runtime's mapping of the assembly that the read touched, the managed array the server GC keeps committed after it
/// is garbage, and ONNX Runtime's own weights (336 MB after loading, against 154 MB from a file). The copy reads the
/// assembly's file with plain reads (the page cache, not this process's memory) and is keyed by the assembly's module id,
/// so another package version gets its own file.
/// </summary>
internal static class EmbeddedModelFile
{
    /// <summary>
    /// The path of <paramref name="resourceName"/>'s copy under <paramref name="directory"/>, written if it is not there
    /// yet; null when the assembly has no file of its own (single-file publish) or the directory cannot be written. On
    /// Unix the directory must be this user's alone (mode 0700, as it is created): in a shared temporary folder another
    /// user could otherwise put a model of their own in its place.
    /// </summary>
    public static string? TryCopy(Assembly assembly, string resourceName, string directory)
    {
        if (string.IsNullOrEmpty(assembly.Location))
        {
            return null;
        }

        var path = Path.Combine(directory, $"{assembly.GetName().Name}-{assembly.ManifestModule.ModuleVersionId:N}-{resourceName}");
        string? partial = null;
        try
        {
            if (!IsOwnDirectory(directory))
            {
                return null;
            }

            using var source = File.OpenRead(assembly.Location);
            var (start, length) = Locate(source, resourceName);
            if (File.Exists(path) && new FileInfo(path).Length == length)
            {
                return path;
            }

            partial = $"{path}.{Environment.ProcessId}.partial"; // renamed when whole: a reader never sees half a model
            using (var target = File.Create(partial))
            {
                CopyRange(source, start, length, target);
            }

            File.Move(partial, path, overwrite: true);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (partial is not null)
            {
                File.Delete(partial); // a full disk leaves no 90 MB fragment behind
            }

            return null;
        }
    }

    private static bool IsOwnDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory); // the temporary folder is the user's own there
            return true;
        }

        const UnixFileMode own = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var created = Directory.CreateDirectory(directory, own);
        return created.UnixFileMode == own; // another user's folder of that name is not writable, or not 0700
    }

    /// <summary>
    /// The resource's bytes (for when no copy can be written): read from the assembly's file, or through the runtime
    /// when the assembly has no file of its own (single-file publish).
    /// </summary>
    public static byte[] Read(Assembly assembly, string resourceName)
    {
        if (string.IsNullOrEmpty(assembly.Location))
        {
            var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + resourceName, StringComparison.Ordinal))
                ?? throw new InvalidDataException($"{assembly.GetName().Name} embeds no resource named {resourceName}.");
            using var stream = assembly.GetManifestResourceStream(name)!;
            var all = new byte[stream.Length];
            stream.ReadExactly(all);
            return all;
        }

        using var source = File.OpenRead(assembly.Location);
        var (start, length) = Locate(source, resourceName);
        using var bytes = new MemoryStream(checked((int)length));
        CopyRange(source, start, length, bytes);
        return bytes.GetBuffer();
    }

    /// <summary>Where the resource's bytes start in the assembly's file, and how many there are (ECMA-335 II.24.2.4).</summary>
    private static (long Start, long Length) Locate(FileStream assemblyFile, string resourceName)
    {
        long start;
        using (var pe = new PEReader(assemblyFile, PEStreamOptions.LeaveOpen))
        {
            var metadata = pe.GetMetadataReader();
            var resource = metadata.ManifestResources.Select(metadata.GetManifestResource)
                .Where(r => r.Implementation.IsNil && metadata.GetString(r.Name).EndsWith("." + resourceName, StringComparison.Ordinal))
                .Select(r => (ManifestResource?)r)
                .FirstOrDefault() ?? throw new InvalidDataException($"{assemblyFile.Name} embeds no resource named {resourceName}.");
            var resources = pe.PEHeaders.CorHeader?.ResourcesDirectory ?? default;
            if (!pe.PEHeaders.TryGetDirectoryOffset(resources, out var directory))
            {
                throw new InvalidDataException($"{assemblyFile.Name} has no managed resources section.");
            }

            start = directory + resource.Offset;
        }

        Span<byte> prefix = stackalloc byte[sizeof(int)]; // each resource starts with its length
        assemblyFile.Position = start;
        assemblyFile.ReadExactly(prefix);
        return (start + prefix.Length, BinaryPrimitives.ReadUInt32LittleEndian(prefix));
    }

    private static void CopyRange(FileStream source, long start, long length, Stream target)
    {
        var buffer = new byte[81920];
        source.Position = start;
        for (var left = length; left > 0;)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new EndOfStreamException($"{source.Name} ends inside its resource.");
            }

            target.Write(buffer, 0, read);
            left -= read;
        }
    }
}
