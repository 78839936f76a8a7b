namespace Kunskapsbank.Indexer.Cli;

/// <summary>Parses `--name value` options and positional arguments shared by the commands.</summary>
internal sealed class CliOptions
{
    /// <summary>Where the index lives when --index is not given (relative to the current folder).</summary>
    public const string DefaultIndexPath = "data/index";

    private CliOptions()
    {
    }

    public List<string> Positional { get; } = [];

    public Dictionary<string, List<string>> Values { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public string? Error { get; private set; }

    public string IndexPath => Values.TryGetValue("--index", out var v) ? v[^1] : DefaultIndexPath;

    public static CliOptions Parse(string[] args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (valued.Contains(arg))
            {
                if (i + 1 >= args.Length)
                {
                    options.Error = $"{arg} behöver ett värde.";
                    return options;
                }

                if (!options.Values.TryGetValue(arg, out var list))
                {
                    options.Values[arg] = list = [];
                }

                list.Add(args[++i]);
            }
            else if (flags.Contains(arg))
            {
                options.Flags.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                options.Error = $"Okänt val: {arg}";
                return options;
            }
            else
            {
                options.Positional.Add(arg);
            }
        }

        return options;
    }
}
