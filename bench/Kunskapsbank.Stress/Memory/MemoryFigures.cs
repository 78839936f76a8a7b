using Kunskapsbank.Stress.Reporting;

namespace Kunskapsbank.Stress.Memory;

/// <summary>Peak memory of an indexing run and of the service under load.</summary>
/// <param name="IndexPeakRssMb">VmHWM of the `kunskapsbank index` process.</param>
/// <param name="ServicePeakRssMb">VmHWM of the service over its whole life (start, sync, load, re-index).</param>
/// <param name="ServicePeakUnderLoadMb">Highest VmRSS sampled during the plain load phase.</param>
public sealed record MemoryFigures(
    int Documents,
    double CorpusMb,
    double IndexSeconds,
    double IndexPeakRssMb,
    double IndexFileMb,
    double ServiceRssBeforeLoadMb = 0,
    double ServicePeakUnderLoadMb = 0,
    double ServicePeakRssMb = 0)
{
    /// <summary>The target for the service while it serves (not while it re-indexes everything).</summary>
    public const double ServiceTargetMb = 300;

    /// <summary>The table.</summary>
    public TextTable ToTable() => new TextTable("Minne (topp-RSS, VmHWM från /proc/<pid>/status)", "mätning", "MB", "anmärkning")
        .Row("indexering (kunskapsbank index)", Math.Round(IndexPeakRssMb, 1), $"{Documents} dokument, {CorpusMb:F0} MB på {IndexSeconds:F1} s ({Documents / Math.Max(IndexSeconds, 0.001):F0} dok/s); indexfil {IndexFileMb:F0} MB")
        .Row("tjänsten före lasten", Math.Round(ServiceRssBeforeLoadMb, 1), "VmRSS efter start, synk och uppvärmning")
        .Row("tjänsten under lasten", Math.Round(ServicePeakUnderLoadMb, 1), $"högsta VmRSS när den betjänar 10k-korpusen under last; mål ≤ {ServiceTargetMb:F0} MB")
        .Row("tjänsten, hela livet", Math.Round(ServicePeakRssMb, 1), "VmHWM inkl. start, synk och (i load/all) full omindexering under last");

    /// <summary>The figures as a JSON-ready object.</summary>
    public object ToFigures() => new
    {
        index_docs = Documents,
        index_seconds = Math.Round(IndexSeconds, 1),
        index_docs_per_s = Math.Round(Documents / Math.Max(IndexSeconds, 0.001), 1),
        index_peak_rss_mb = Math.Round(IndexPeakRssMb, 1),
        index_file_mb = Math.Round(IndexFileMb, 1),
        service_rss_before_load_mb = Math.Round(ServiceRssBeforeLoadMb, 1),
        service_peak_rss_under_load_mb = Math.Round(ServicePeakUnderLoadMb, 1),
        service_peak_rss_mb = Math.Round(ServicePeakRssMb, 1),
    };
}
