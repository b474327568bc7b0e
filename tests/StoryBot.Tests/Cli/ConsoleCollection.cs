using Xunit;

namespace StoryBot.Tests.Cli;

/// <summary>
/// Tests that redirect Console.Out/Console.Error. Redirection is process-wide, so these run alone,
/// after every parallel collection, and never beside one another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class ConsoleCollection
{
    public const string Name = "Console redirection";
}
