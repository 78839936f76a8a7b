using Kunskapsbank.Stress.Reporting;

namespace Kunskapsbank.Stress.Memory;

/// <summary>Peak memory of an indexing run and of the service under load.</summary>
/// <param name="IndexPeakRssMb">VmHWM of the `kunskapsbank index` process.</param>
/// <param name="ServiceBeforeLoad">VmRSS after start, sync and warm-up, with its split.</param>
/// <param name="ServiceUnderLoad">Peak and steady VmRSS sampled during the plain load phase, with their splits.</param>
/// <param name="ServicePeakRssMb">VmHWM of the service over its whole life (start, sync, load, re-index).</param>
public sealed record MemoryFigures(
    int Documents,
    double CorpusMb,
    double IndexSeconds,
    double IndexPeakRssMb,
    double IndexFileMb,
    ResidentSet? ServiceBeforeLoad = null,
    ResidentSetSummary? ServiceUnderLoad = null,
    double ServicePeakRssMb = 0)
{
    /// <summary>The target for the service while it serves (not while it re-indexes everything).</summary>
    public const double ServiceTargetMb = 300;

    /// <summary>The table.</summary>
    public TextTable ToTable()
    {
        var before = ServiceBeforeLoad ?? new ResidentSet(0, 0, 0, 0);
        var underLoad = ServiceUnderLoad ?? ResidentSetSummary.Of([]);
        return new TextTable("Minne (VmRSS och VmHWM från /proc/<pid>/status; VmRSS = anon + fil + shmem)", "mätning", "MB", "delar MB", "anmärkning")
            .Row("indexering (kunskapsbank index)", Math.Round(IndexPeakRssMb, 1), "", $"VmHWM; {Documents} dokument, {CorpusMb:F0} MB på {IndexSeconds:F1} s ({Documents / Math.Max(IndexSeconds, 0.001):F0} dok/s); indexfil {IndexFileMb:F0} MB")
            .Row("tjänsten före lasten", Math.Round(before.RssMb, 1), before.Split, "efter start, synk och uppvärmning")
            .Row("tjänsten under lasten, stadigt", Math.Round(underLoad.Steady.RssMb, 1), underLoad.Steady.Split, $"median av {underLoad.Samples} mätningar efter lastens första fjärdedel; mål ≤ {ServiceTargetMb:F0} MB")
            .Row("tjänsten under lasten, topp", Math.Round(underLoad.Peak.RssMb, 1), underLoad.Peak.Split, $"högsta VmRSS när den betjänar 10k-korpusen under last; mål ≤ {ServiceTargetMb:F0} MB")
            .Row("tjänsten, hela livet", Math.Round(ServicePeakRssMb, 1), "", "VmHWM inkl. start, synk och (i load/all) full omindexering under last")
            .Note("anon = .NET-högen, trådstackar och annat eget minne; fil = sidor ur minnesmappade indexfiler och programfiler (kärnan kan släppa dem); shmem = delat minne (.NET:s dubbelmappade JIT-kod)");
    }

    /// <summary>The figures as a JSON-ready object.</summary>
    public object ToFigures() => new
    {
        index_docs = Documents,
        index_seconds = Math.Round(IndexSeconds, 1),
        index_docs_per_s = Math.Round(Documents / Math.Max(IndexSeconds, 0.001), 1),
        index_peak_rss_mb = Math.Round(IndexPeakRssMb, 1),
        index_file_mb = Math.Round(IndexFileMb, 1),
        service_rss_before_load_mb = Math.Round(ServiceBeforeLoad?.RssMb ?? 0, 1),
        service_steady_rss_under_load_mb = Math.Round(ServiceUnderLoad?.Steady.RssMb ?? 0, 1),
        service_peak_rss_under_load_mb = Math.Round(ServiceUnderLoad?.Peak.RssMb ?? 0, 1),
        service_peak_rss_mb = Math.Round(ServicePeakRssMb, 1),
        service_before_load = ServiceBeforeLoad?.ToFigures(),
        service_steady_under_load = ServiceUnderLoad?.Steady.ToFigures(),
        service_peak_under_load = ServiceUnderLoad?.Peak.ToFigures(),
    };
}
