using Kunskapsbank.Indexer.Index;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>`kunskapsbank check`: Lucene's CheckIndex plus our invariants; exit code 1 on any finding.</summary>
internal sealed class CheckCommand : CliCommand<IndexFolderSettings>
{
    /// <inheritdoc />
    protected override int Run(CliConsole console, CommandContext context, IndexFolderSettings settings, CancellationToken cancellationToken)
    {
        var findings = IndexChecker.Check(settings.IndexPath);
        if (findings.Count == 0 && !IndexChecker.HasCommit(settings.IndexPath))
        {
            console.Out.WriteLine($"Indexet i {settings.IndexPath} är tomt: inget har sparats ännu (mappen är ny, eller en första indexering avbröts innan den hann spara). Nästa indexering bygger det från början.");
            return ExitCodes.Ok;
        }

        if (findings.Count == 0)
        {
            console.Out.WriteLine($"Indexet i {settings.IndexPath} är helt: Lucenes kontroll och filförteckningen stämmer.");
            return ExitCodes.Ok;
        }

        console.Out.WriteLine($"Indexet i {settings.IndexPath} har {SwedishText.Count(findings.Count, "fel", "fel")}:");
        foreach (var finding in findings)
        {
            console.Out.WriteLine($"  {finding}");
        }

        return ExitCodes.Failed;
    }
}
