using Kunskapsbank.Stress.Reporting;

namespace Kunskapsbank.Stress.Load;

/// <summary>Figures for one request kind in a load run.</summary>
/// <param name="Errors">Non-2xx (other than 429), timeouts and transport failures.</param>
/// <param name="RateLimited">429 answers (configured away for the test; reported separately).</param>
public sealed record KindFigures(RequestKind Kind, int Requests, int Errors, int RateLimited, Percentiles Latency);

/// <summary>What one load run measured.</summary>
/// <param name="Label">E.g. `last` or `last under omindexering`.</param>
/// <param name="ErrorSamples">The first few failures, for the report.</param>
public sealed record LoadResult(
    string Label,
    int Clients,
    TimeSpan Elapsed,
    IReadOnlyList<KindFigures> Kinds,
    Percentiles Overall,
    IReadOnlyList<string> ErrorSamples)
{
    /// <summary>All requests.</summary>
    public int Requests => Kinds.Sum(k => k.Requests);

    /// <summary>All errors (429 not included).</summary>
    public int Errors => Kinds.Sum(k => k.Errors);

    /// <summary>All 429 answers.</summary>
    public int RateLimited => Kinds.Sum(k => k.RateLimited);

    /// <summary>Completed requests per second.</summary>
    public double RequestsPerSecond => Elapsed.TotalSeconds > 0 ? Math.Round(Requests / Elapsed.TotalSeconds, 1) : 0;

    /// <summary>The table for this run.</summary>
    public TextTable ToTable(string? note = null)
    {
        var table = new TextTable(
            $"Last: {Label} ({Clients} klienter, {Elapsed.TotalSeconds:F0} s){(note is null ? string.Empty : " – " + note)}",
            "typ", "anrop", "anrop/s", "p50 ms", "p99 ms", "max ms", "fel", "429");
        foreach (var kind in Kinds)
        {
            table.Row(kind.Kind.ToString().ToLowerInvariant(), kind.Requests, Math.Round(kind.Requests / Math.Max(Elapsed.TotalSeconds, 0.001), 1),
                kind.Latency.P50Ms, kind.Latency.P99Ms, kind.Latency.MaxMs, kind.Errors, kind.RateLimited);
        }

        table.Row("totalt", Requests, RequestsPerSecond, Overall.P50Ms, Overall.P99Ms, Overall.MaxMs, Errors, RateLimited);
        return table;
    }

    /// <summary>The figures as a JSON-ready object.</summary>
    public object ToFigures() => new
    {
        clients = Clients,
        seconds = Math.Round(Elapsed.TotalSeconds, 1),
        requests = Requests,
        requests_per_s = RequestsPerSecond,
        p50_ms = Overall.P50Ms,
        p99_ms = Overall.P99Ms,
        errors = Errors,
        rate_limited_429 = RateLimited,
        by_kind = Kinds.ToDictionary(
            k => k.Kind.ToString().ToLowerInvariant(),
            k => new { requests = k.Requests, p50_ms = k.Latency.P50Ms, p99_ms = k.Latency.P99Ms, errors = k.Errors, rate_limited_429 = k.RateLimited }),
    };
}
