using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>A `kunskapsbank` command: Spectre.Console.Cli parses and validates its settings, and the command gets
/// the streams of the run (<see cref="CliConsole"/>) it was started with.</summary>
internal abstract class CliCommand<TSettings> : Command<TSettings>
    where TSettings : CommandSettings
{
    /// <inheritdoc />
    public sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Run(Invocation(context).Console, context, settings, cancellationToken);
    }

    /// <summary>The words after `--`, as the shell gave them (a query or text that starts with a minus).</summary>
    protected static IReadOnlyList<string> Literal(CommandContext context) => Invocation(context).Literal;

    private static CliInvocation Invocation(CommandContext context) => (CliInvocation)context.Data!;

    /// <summary>Runs the command and returns its exit code (<see cref="ExitCodes"/>).</summary>
    protected abstract int Run(CliConsole console, CommandContext context, TSettings settings, CancellationToken cancellationToken);
}
