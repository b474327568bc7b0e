using StoryBot.Cli;
using Xunit;

namespace StoryBot.Tests.Cli;

/// <summary>A command refuses what it does not accept before doing any work, and says which argument it was.</summary>
public class CommandArgumentsTests
{
    private static readonly string[] ValueOptions = { "--out", "--cases" };
    private static readonly string[] Flags = { "--ablation" };

    [Fact]
    public void Parse_KnownOptionsFlagsAndOnePositional_AreRead()
    {
        var parsed = CommandArguments.Parse(new[] { "set.json", "--out", "model.json", "--ablation" }, ValueOptions, Flags, positional: true);

        Assert.Null(parsed.Error);
        Assert.Equal("set.json", parsed.Positional);
        Assert.Equal("model.json", parsed.Value("--out"));
        Assert.Null(parsed.Value("--cases"));
        Assert.True(parsed.Has("--ablation"));
        Assert.Null(parsed.Stop("usage: x", TextWriter.Null, TextWriter.Null));
    }

    [Theory]
    [InlineData("unexpected argument '--abalation'", "--abalation")]
    [InlineData("--out needs a value", "--out")]
    [InlineData("--out needs a value", "--out", "--cases", "c.tsv")]
    [InlineData("unexpected argument 'extra'", "one.json", "extra")]
    public void Stop_OnAnArgumentItDoesNotAccept_PrintsTheErrorAndUsageAndExits2(string expected, params string[] args)
    {
        var parsed = CommandArguments.Parse(args, ValueOptions, Flags, positional: true);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = parsed.Stop("usage: x [--out PATH]", output, error);

        Assert.Equal(2, exit);
        Assert.Equal($"error: {expected}. usage: x [--out PATH]", error.ToString().Trim());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Stop_WithoutAPositionalSlot_RefusesABareWord()
    {
        var parsed = CommandArguments.Parse(new[] { "model.json" }, ValueOptions, Flags, positional: false);

        Assert.Equal("unexpected argument 'model.json'", parsed.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Stop_OnHelp_PrintsTheUsageAndExits0(string help)
    {
        var parsed = CommandArguments.Parse(new[] { "--out", "m.json", help }, ValueOptions, Flags, positional: false);
        using var output = new StringWriter();

        Assert.Equal(0, parsed.Stop("usage: x", output, TextWriter.Null));
        Assert.Equal("usage: x", output.ToString().Trim());
    }
}
