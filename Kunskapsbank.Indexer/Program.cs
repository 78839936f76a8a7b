using Kunskapsbank.Indexer.Cli;

return CommandLine.Run(args, CliConsole.FromProcess());
