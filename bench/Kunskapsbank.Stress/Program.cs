using System.Text.Json;
using Kunskapsbank.Stress;
using Kunskapsbank.Stress.Hosting;

// Proof under stress: load, crash-safety, hostile input, memory and near-real-time, as one table per check and one JSON line.
StressOptions options;
try
{
    options = StressOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(StressOptions.Usage);
    return 2;
}

var layout = SolutionLayout.Locate();
layout.EnsureBuilt();
var work = options.Work ?? Path.Combine(Path.GetTempPath(), $"kb-stress-{Environment.ProcessId}");
Directory.CreateDirectory(work);
using var guard = new ChildProcessGuard();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    guard.KillAll();
    cancel.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => guard.KillAll();

Console.WriteLine($"Kunskapsbank stresstest: {options.Command}, frö {options.Seed}, arbetskatalog {work}");
var suite = new StressSuite(options, layout, guard, work, Console.Out);
var exitCode = 0;
try
{
    await suite.RunAsync(cancel.Token);
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or OperationCanceledException or IOException)
{
    Console.Error.WriteLine("Stresstestet avbröts: " + e.Message);
    exitCode = 1;
}
finally
{
    guard.KillAll();
    if (!options.Keep && exitCode == 0)
    {
        Kunskapsbank.Stress.Corpora.CorpusFolder.DeleteQuietly(work);
    }
}

Console.WriteLine(JsonSerializer.Serialize(suite.Figures));
return exitCode;
