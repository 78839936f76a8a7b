using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Reporting;

namespace Kunskapsbank.Stress.Hostile;

/// <summary>What became of one file of the hostile corpus.</summary>
/// <param name="Outcome">`indexerad`, `misslyckad` or `saknas` (neither indexed nor reported).</param>
/// <param name="Findable">For good documents with a marker: found by searching for it.</param>
public sealed record FileOutcome(HostileFile File, string Outcome, string? Kind, string? Reason, bool? Findable)
{
    /// <summary>True when the outcome is what the file's expectation allows.</summary>
    public bool AsExpected => File.Expectation switch
    {
        Expectation.MustIndex => Outcome == "indexerad" && Findable != false,
        Expectation.MustFail => Outcome == "misslyckad" && !string.IsNullOrWhiteSpace(Reason),
        _ => Outcome != "saknas",
    };
}

/// <summary>Figures of the hostile-file half.</summary>
/// <param name="IndexExitCode">Exit code of the CLI run over the hostile corpus (0 expected: failures are in the report).</param>
/// <param name="ZipBombPeakRssMb">VmHWM of an index run over the zip bomb and one good document.</param>
/// <param name="BaselinePeakRssMb">VmHWM of the same run without the zip bomb.</param>
public sealed record HostileFilesResult(
    IReadOnlyList<FileOutcome> Files,
    int IndexExitCode,
    double IndexSeconds,
    double IndexPeakRssMb,
    double ZipBombPeakRssMb,
    double BaselinePeakRssMb)
{
    /// <summary>Files the indexer reported as failed.</summary>
    public int Reported => Files.Count(f => f.Outcome == "misslyckad");

    /// <summary>Good documents not indexed or not findable.</summary>
    public int GoodLost => Files.Count(f => f.File.Expectation == Expectation.MustIndex && !f.AsExpected);

    /// <summary>Bad files not reported as failed.</summary>
    public int BadNotReported => Files.Count(f => f.File.Expectation == Expectation.MustFail && !f.AsExpected);

    /// <summary>Files neither indexed nor reported.</summary>
    public int Unaccounted => Files.Count(f => f.Outcome == "saknas");

    /// <summary>The table.</summary>
    public TextTable ToTable()
    {
        var table = new TextTable(
            $"Fientliga filer: {Files.Count} filer, {Reported} rapporterade som misslyckade, {GoodLost} bra förlorade, {BadNotReported} dåliga ej rapporterade, {Unaccounted} saknas; indexering kod {IndexExitCode} på {IndexSeconds:F1} s, topp-RSS {IndexPeakRssMb:F0} MB; zip-bomb topp-RSS {ZipBombPeakRssMb:F0} MB (utan bomben {BaselinePeakRssMb:F0} MB)",
            "fil", "förväntat", "utfall", "som väntat", "typ", "orsak");
        foreach (var f in Files)
        {
            var expected = f.File.Expectation switch
            {
                Expectation.MustIndex => "indexeras",
                Expectation.MustFail => "rapporteras",
                _ => "endera",
            };
            table.Row(Shorten(f.File.RelativePath, 60), expected, f.Outcome + (f.Findable == false ? " (ej sökbar)" : string.Empty), f.AsExpected ? "ja" : "NEJ", f.Kind, Shorten(f.Reason ?? string.Empty, 90));
        }

        return table;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>Figures of the adversarial-request half.</summary>
public sealed record AdversarialResult(
    int Requests,
    IReadOnlyDictionary<int, int> ByStatus,
    int ServerErrors,
    int RateLimited,
    int NoResponse,
    int Leaks,
    IReadOnlyList<string> Samples,
    bool AliveAfterwards,
    double Seconds)
{
    /// <summary>The table.</summary>
    public TextTable ToTable()
    {
        var table = new TextTable(
            $"Fientliga anrop: {Requests} anrop på {Seconds:F1} s, 5xx: {ServerErrors}, läckor: {Leaks}, utan svar: {NoResponse}, 429: {RateLimited}, tjänsten svarar efteråt: {(AliveAfterwards ? "ja" : "NEJ")}",
            "status", "antal");
        foreach (var (status, count) in ByStatus.OrderBy(p => p.Key))
        {
            table.Row(status == 0 ? "inget svar" : status.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
        }

        foreach (var sample in Samples)
        {
            table.Note("exempel: " + sample);
        }

        return table;
    }
}
