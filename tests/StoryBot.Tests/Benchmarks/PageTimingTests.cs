using System.Diagnostics;
using StoryBot.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Benchmarks;

/// <summary>
/// The page-timing harness (bench/StoryBot.PageTiming) is not a test: CI only proves that it still runs
/// in its smoke mode (one run, one typed-at-once visit) against the host built beside these tests, and
/// asserts nothing about its timings (docs/webchat.md has the figures).
/// </summary>
public sealed class PageTimingTests
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
    private readonly ITestOutputHelper _output;

    public PageTimingTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Smoke_mode_times_both_visits_and_the_question_typed_at_once()
    {
        Chromium.EnsureInstalled(_output);
        var harness = Path.Combine(Repo.Root, "bench", "StoryBot.PageTiming", "bin", Configuration, "net10.0", "StoryBot.PageTiming.dll");
        var host = Path.Combine(Repo.Root, "src", "StoryBot", "bin", Configuration, "net10.0", "StoryBot.dll");
        Assert.True(File.Exists(harness), $"{harness} is not built");
        using var index = new ScratchFolder();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { harness, "--host", host, "--smoke" })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["Story__IndexPath"] = index.Path; // the host must not touch the repo's index
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the page-timing harness did not finish within 5 minutes");
        }

        _output.WriteLine(stdout.Result);
        _output.WriteLine(stderr.Result);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("| lean | 1 | first |", stdout.Result);
        Assert.Contains("| lean: second visit |", stdout.Result);
        Assert.Matches(@"\| lean \| \d+ \| \d+ \| \d+ \|", stdout.Result); // the traced visit's breakdown
        Assert.Contains("1 of 1 answered", stdout.Result);
    }
}
