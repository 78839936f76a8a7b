using Kunskapsbank.Indexer.Cli;

return CommandLine.Run(args, Console.Out, Console.Error, Console.In);
