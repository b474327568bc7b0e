using Xunit;

namespace StoryBot.Knowledge.Tests.Lexicon;

/// <summary>Runs load measurements alone, so other tests' allocations do not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class LexiconLoadCollection
{
    public const string Name = "Lexicon load measurements";
}
