using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Index;

/// <summary>`kunskapsbank check`: Lucene's CheckIndex plus our own invariants, as Swedish findings (none when healthy).</summary>
/// <remarks>Reads the last commit only and takes no lock, so it can run beside the service. The invariants are the ones a
/// crash must never break: every indexed ledger entry has exactly one document with its id and path, every document has
/// its ledger entry, every passage its document, no path or id twice, and the schema version is this program's.</remarks>
public static class IndexChecker
{
    /// <summary>True when the folder at <paramref name="path"/> holds a commit (false: nothing has been saved yet).</summary>
    public static bool HasCommit(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var directory = IndexFolder.OpenDirectory(Path.GetFullPath(path), create: false);
        return IndexFolder.Inspect(directory, path).State != IndexFolder.State.Empty;
    }

    /// <summary>Checks the index folder at <paramref name="path"/>; a folder without a commit has nothing to find.</summary>
    public static List<string> Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var findings = new List<string>();
        using var directory = IndexFolder.OpenDirectory(Path.GetFullPath(path), create: false);
        IndexFolder.State state;
        try
        {
            (state, _) = IndexFolder.Inspect(directory, path);
        }
        catch (InvalidDataException ex)
        {
            return [ex.Message];
        }

        // No commit yet (a new folder, or a first build killed before it committed) is the state the next build starts
        // from, not damage: kill -9 at any moment must leave a folder that checks clean.
        if (state == IndexFolder.State.Empty)
        {
            return findings;
        }

        if (state == IndexFolder.State.Older)
        {
            findings.Add($"Indexet har en äldre schemaversion än {IndexSchema.Version}; det byggs om nästa gång dokumentmappen indexeras.");
        }

        var output = new StringWriter(CultureInfo.InvariantCulture);
        var checker = new CheckIndex(directory) { InfoStream = output };
        var status = checker.DoCheckIndex();
        if (!status.Clean)
        {
            var detail = output.ToString().Split('\n').Where(l => l.Contains("ERROR", StringComparison.OrdinalIgnoreCase) || l.Contains("FAILED", StringComparison.OrdinalIgnoreCase)).Take(5);
            findings.Add($"Lucenes kontroll (CheckIndex) hittade fel: {status.NumBadSegments} trasiga segment, {status.TotLoseDocCount} dokument skulle gå förlorade. {string.Join(" ", detail).Trim()}");
            return findings;
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        findings.AddRange(Invariants(searcher));
        return findings;
    }

    private static List<string> Invariants(IndexSearcher searcher)
    {
        var findings = new List<string>();
        var ledger = StoredReading.ReadLedger(searcher);
        foreach (var group in ledger.GroupBy(e => e.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            findings.Add($"Filen {group.Key} står {group.Count()} gånger i filförteckningen.");
        }

        var documents = new Dictionary<long, List<string>>();
        foreach (var doc in StoredReading.AllOfKind(searcher, IndexSchema.Kinds.Document))
        {
            var summary = StoredReading.ReadSummary(searcher, doc);
            if (!documents.TryGetValue(summary.Id, out var paths))
            {
                documents[summary.Id] = paths = [];
            }

            paths.Add(summary.Path);
        }

        foreach (var (id, paths) in documents.Where(d => d.Value.Count > 1))
        {
            findings.Add($"Dokument-id {id} finns {paths.Count} gånger ({string.Join(", ", paths.Take(3))}).");
        }

        foreach (var group in documents.SelectMany(d => d.Value).GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            findings.Add($"Sökvägen {group.Key} har {group.Count()} dokument.");
        }

        var indexed = ledger.Where(e => e.HasDocument).ToList();
        foreach (var entry in indexed)
        {
            if (!documents.TryGetValue(entry.DocumentId!.Value, out var paths))
            {
                findings.Add($"Filen {entry.Path} står som indexerad (dokument {entry.DocumentId}), men dokumentet saknas.");
            }
            else if (!paths.Contains(entry.Path, StringComparer.Ordinal))
            {
                findings.Add($"Filen {entry.Path} pekar på dokument {entry.DocumentId}, som har sökvägen {paths[0]}.");
            }
        }

        var ledgerIds = indexed.Select(e => e.DocumentId!.Value).ToHashSet();
        foreach (var (id, paths) in documents.Where(d => !ledgerIds.Contains(d.Key)))
        {
            findings.Add($"Dokument {id} ({paths[0]}) saknas i filförteckningen.");
        }

        // A passage belongs to the document whose block it is in: the live document before it, within its passage count.
        var owned = new System.Collections.BitArray(searcher.IndexReader.MaxDoc);
        foreach (var doc in StoredReading.AllOfKind(searcher, IndexSchema.Kinds.Document))
        {
            var count = StoredReading.PassageCount(searcher, doc);
            for (var i = 1; i <= count && doc + i < owned.Length; i++)
            {
                owned[doc + i] = true;
            }
        }

        var orphans = StoredReading.AllOfKind(searcher, IndexSchema.Kinds.Passage).Where(doc => !owned[doc]).ToList();
        if (orphans.Count > 0)
        {
            findings.Add($"Det finns {orphans.Count} stycken utan sitt dokument (Lucene-dokument {string.Join(", ", orphans.Take(5))}).");
        }

        return findings;
    }
}
