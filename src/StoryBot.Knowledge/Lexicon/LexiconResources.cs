using System.IO.Compression;
using System.Reflection;

namespace StoryBot.Knowledge.Lexicon;

/// <summary>Reads the generated data files embedded in this assembly (see tools/lexicon).</summary>
internal static class LexiconResources
{
    private const string Prefix = "StoryBot.Knowledge.Lexicon.Data.";

    /// <summary>The whole resource as bytes, gunzipped when its name ends in .gz.</summary>
    internal static byte[] ReadAll(string fileName)
    {
        Assembly assembly = typeof(LexiconResources).Assembly;
        using Stream raw = assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"Embedded lexicon resource '{Prefix + fileName}' is missing.");
        if (!fileName.EndsWith(".gz", StringComparison.Ordinal))
        {
            var plain = new byte[raw.Length];
            raw.ReadExactly(plain);
            return plain;
        }

        using var gzip = new GZipStream(raw, CompressionMode.Decompress);
        using var buffer = new MemoryStream(capacity: (int)raw.Length * 4);
        gzip.CopyTo(buffer);
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary>Calls <paramref name="onLine"/> for every non-empty line of a UTF-8 text resource.</summary>
    internal static void ForEachLine(byte[] utf8, Action<ReadOnlySpan<byte>> onLine)
    {
        ReadOnlySpan<byte> rest = utf8;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (!line.IsEmpty)
            {
                onLine(line);
            }
        }
    }
}
