namespace StoryBot.Cli;

/// <summary>
/// A command's arguments read against what it accepts: options that take a value (<c>--out PATH</c>), flags
/// (<c>--ablation</c>) and, where the command has one, a single positional argument. Anything else is an error
/// the user sees before any work starts: <c>train --help</c> must not run an 80-second fit and overwrite the
/// committed model, and a misspelt <c>eval --abalation</c> must not quietly run a plain evaluation.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandArguments()
    {
    }

    /// <summary>The positional argument, when the command takes one and it was given.</summary>
    public string? Positional { get; private set; }

    /// <summary><c>--help</c> or <c>-h</c> was given: print the usage and do nothing else.</summary>
    public bool Help { get; private set; }

    /// <summary>What was wrong with the arguments (one line naming the argument), or null when they were fine.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// The exit code when the command must stop here: 0 after printing <paramref name="usage"/> for <c>--help</c>,
    /// 2 after printing the error and the usage; null when the command should run.
    /// </summary>
    public int? Stop(string usage, TextWriter output, TextWriter error)
    {
        if (Error is not null)
        {
            error.WriteLine($"error: {Error}. {usage}");
            return 2;
        }

        if (Help)
        {
            output.WriteLine(usage);
            return 0;
        }

        return null;
    }

    /// <summary>The value given after <paramref name="option"/>, or null.</summary>
    public string? Value(string option) => _values.TryGetValue(option, out var value) ? value : null;

    /// <summary>Whether <paramref name="flag"/> was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>Reads <paramref name="args"/>; the first argument it does not accept sets <see cref="Error"/>.</summary>
    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags, bool positional)
    {
        var result = new CommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                result.Help = true;
            }
            else if (valueOptions.Contains(arg))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    result.Error = $"{arg} needs a value";
                    return result;
                }

                result._values[arg] = args[++i];
            }
            else if (flags.Contains(arg))
            {
                result._flags.Add(arg);
            }
            else if (positional && result.Positional is null && !arg.StartsWith('-'))
            {
                result.Positional = arg;
            }
            else
            {
                result.Error = $"unexpected argument '{arg}'";
                return result;
            }
        }

        return result;
    }
}
