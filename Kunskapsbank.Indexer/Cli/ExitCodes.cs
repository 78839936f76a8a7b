namespace Kunskapsbank.Indexer.Cli;

/// <summary>The exit codes of every `kunskapsbank` command (documented in docs/sokmotorn.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked (an index run also when single files failed: the report lists them).</summary>
    public const int Ok = 0;

    /// <summary>The command could not do it: a missing folder or index, an index another process writes to, a failed
    /// check, a file that could not be read.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong: unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;
}
