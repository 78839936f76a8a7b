namespace Kunskapsbank.Stress.Reporting;

/// <summary>Latency summary of a set of samples in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>Nearest-rank percentiles of <paramref name="samplesMs"/> (empty → zeros).</summary>
    public static Percentiles Of(IReadOnlyCollection<double> samplesMs)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        if (samplesMs.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0);
        }

        var sorted = samplesMs.Order().ToArray();
        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
