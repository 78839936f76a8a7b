namespace Kunskapsbank.Stress.Crash;

/// <summary>What SQLite's and FTS5's own checks said about an index file.</summary>
/// <param name="Exists">False when the run was killed before the file was created (trivially consistent).</param>
/// <param name="FtsTables">The FTS5 tables found in sqlite_master and checked.</param>
/// <param name="Problems">Every line other than `ok`, and every error; empty when consistent.</param>
public sealed record IntegrityReport(bool Exists, IReadOnlyList<string> FtsTables, IReadOnlyList<string> Problems)
{
    /// <summary>True when both checks passed (or there is no file yet).</summary>
    public bool Consistent => Problems.Count == 0;
}
