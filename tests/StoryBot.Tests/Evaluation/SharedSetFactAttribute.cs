using Xunit;

namespace StoryBot.Tests.Evaluation;

/// <summary>
/// A fact over a question set under <c>../shared/eval</c> beside the clone: it runs where the set is present and is
/// reported as skipped, with the path it looked for, where it is not (a fresh clone alone) — never a silent pass.
/// </summary>
public sealed class SharedSetFactAttribute : FactAttribute
{
    public SharedSetFactAttribute(string relativePath)
    {
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Repo.Root, "..", "shared", "eval", relativePath));
        if (!File.Exists(Path))
        {
            Skip = $"{Path} is not beside this clone; the repo's own sets (eval/) drive the required checks.";
        }
    }

    public string Path { get; }
}
