using Kunskapsbank.Indexer.Cli;

namespace Kunskapsbank.Indexer.Tests.Cli;

/// <summary>Runs the real command line in-process with redirected streams, as a pipe or CI log would see it.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr, TextReader.Null);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
