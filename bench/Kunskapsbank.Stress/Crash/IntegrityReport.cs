namespace Kunskapsbank.Stress.Crash;

/// <summary>What `kunskapsbank check` (Lucene's CheckIndex plus the ledger invariants) said about an index folder.</summary>
/// <param name="Exists">False when the run was killed before the index had its first commit (trivially consistent).</param>
/// <param name="Problems">Every finding `check` printed, and its failure to run; empty when consistent.</param>
public sealed record IntegrityReport(bool Exists, IReadOnlyList<string> Problems)
{
    /// <summary>True when the check passed (or there is no index yet).</summary>
    public bool Consistent => Problems.Count == 0;
}
