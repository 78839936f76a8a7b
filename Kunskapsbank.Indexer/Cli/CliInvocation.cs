namespace Kunskapsbank.Indexer.Cli;

/// <summary>What a command gets besides its parsed settings: the streams of the run, and the words after `--` exactly
/// as the shell gave them.</summary>
/// <remarks>The words after `--` are kept out of Spectre.Console.Cli, which re-splits and re-quotes its remaining
/// arguments (spectreconsole/spectre.console#186), so that `search -- "-polisen våld"` stays the query it was.</remarks>
internal sealed record CliInvocation(CliConsole Console, IReadOnlyList<string> Literal);
