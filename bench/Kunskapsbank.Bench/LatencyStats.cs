namespace Kunskapsbank.Bench;

/// <summary>Percentiles and throughput of one series of timed queries.</summary>
internal sealed record LatencyStats(int Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double Qps)
{
    public static LatencyStats From(List<double> latenciesMs, TimeSpan wallClock)
    {
        if (latenciesMs.Count == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }

        var sorted = latenciesMs.Order().ToArray();
        return new LatencyStats(
            sorted.Length,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            sorted[^1],
            sorted.Length / wallClock.TotalSeconds);
    }

    // Nearest-rank percentile: the value below which the given share of observations fall.
    private static double Percentile(double[] sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
