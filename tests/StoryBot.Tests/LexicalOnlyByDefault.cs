using System.Runtime.CompilerServices;

namespace StoryBot.Tests;

/// <summary>
/// Hosts and bot processes the tests start run lexical-only (<c>Answer__Features__Semantic=false</c>, inherited by
/// child processes): loading the embedding model costs ~1.4 s and ~250 MB per process and every answer ~6 ms,
/// which tests of hosting, channels and reliability do not need. Tests of answering quality build their
/// configuration without environment variables (appsettings.json: semantic on) or ask for the signal explicitly.
/// </summary>
internal static class LexicalOnlyByDefault
{
    [ModuleInitializer]
    internal static void Apply() => Environment.SetEnvironmentVariable("Answer__Features__Semantic", "false");
}
