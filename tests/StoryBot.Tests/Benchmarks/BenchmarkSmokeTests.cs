using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace StoryBot.Tests.Benchmarks;

/// <summary>
/// Benchmarks are not unit tests: CI only proves they still run, in their smoke mode, and asserts nothing
/// about timings (docs/performance.md). Each tool runs as its own process, as a developer runs it, against
/// the host built beside these tests and with the index in a private folder.
/// </summary>
public class BenchmarkSmokeTests
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
    private readonly ITestOutputHelper _output;

    public BenchmarkSmokeTests(ITestOutputHelper output) => _output = output;

    private static string Built(string project, string dll) => Path.Combine(Repo.Root, project, "bin", Configuration, "net10.0", dll);

    [Fact]
    public void Benchmarks_smoke_mode_runs_every_benchmark_and_harness()
    {
        using var index = new ScratchFolder();
        var output = Run(Built("bench/StoryBot.Benchmarks", "StoryBot.Benchmarks.dll"), index.Path, "--smoke", "--host", Built("src/StoryBot", "StoryBot.dll"));
        Assert.Contains("smoke: ok", output);
        Assert.Contains("understand + answer", output);
        Assert.Contains("| 3 |", output); // the scale table's 3-story row
        Assert.Contains("start → first answer", output);
    }

    [Fact]
    public void Load_test_drives_StoryBot_the_stock_echo_bot_and_the_host_echo_and_prints_the_ratios()
    {
        using var index = new ScratchFolder();
        var output = Run(Built("bench/StoryBot.LoadTest", "StoryBot.LoadTest.dll"), index.Path,
            "--host", Built("src/StoryBot", "StoryBot.dll"), "--echo-host", Built("bench/StockEchoBot", "StockEchoBot.dll"),
            "--duration", "1", "--warmup", "0", "--rounds", "1", "--connections", "2", "--mix", "distinct");
        Assert.Contains("| story | 1 |", output);
        Assert.Contains("| echo | 1 |", output);
        Assert.Contains("| host-echo | 1 |", output);
        Assert.Contains("ratio StoryBot/echo", output);
        Assert.Contains("ratio StoryBot/host-echo", output);
        Assert.Matches(@"distinct mix of ([3-9]\d\d|\d{4,}) distinct messages", output); // at least 300
    }

    private string Run(string dll, string indexPath, params string[] args)
    {
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["Story__IndexPath"] = indexPath; // the hosts these tools start must not touch the repo's index
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(dll)} did not finish within 5 minutes");
        }

        var output = stdout.Result;
        _output.WriteLine(output);
        _output.WriteLine(stderr.Result);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(dll)} exited with {process.ExitCode}:\n{output}\n{stderr.Result}");
        return output;
    }
}
