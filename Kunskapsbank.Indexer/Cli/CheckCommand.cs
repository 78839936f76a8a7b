using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank check [--index mapp]`: Lucene's CheckIndex plus our invariants; exit code 1 on any finding.</summary>
internal static class CheckCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = CliOptions.Parse(args, new HashSet<string> { "--index" }, new HashSet<string>());
        if (options.Error is not null || options.Positional.Count > 0)
        {
            stderr.WriteLine(options.Error ?? "Användning: kunskapsbank check [--index mapp]");
            return 2;
        }

        var findings = IndexChecker.Check(options.IndexPath);
        if (findings.Count == 0)
        {
            stdout.WriteLine($"Indexet i {options.IndexPath} är helt: Lucenes kontroll och filförteckningen stämmer.");
            return 0;
        }

        stdout.WriteLine($"Indexet i {options.IndexPath} har {findings.Count} fel:");
        foreach (var finding in findings)
        {
            stdout.WriteLine($"  {finding}");
        }

        return 1;
    }
}
