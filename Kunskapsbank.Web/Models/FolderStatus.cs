using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kunskapsbank.Web.DocumentFolder;

namespace Kunskapsbank.Web.Models;

/// <summary>The document folder in figures: how many files stand where, what changed lately, and a version that
/// changes whenever anything the page shows does (what the page polls for).</summary>
public sealed class FolderStatus
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Counts and changes of a snapshot.</summary>
    public FolderStatus(DocumentFolderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        var reading = snapshot.Reading.ToHashSet(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var states = new List<(string Path, FileState State)>(snapshot.Report.Files.Count + reading.Count);
        foreach (var file in snapshot.Report.Files)
        {
            known.Add(file.Path);
            states.Add((file.Path, FolderFile.StateOf(file, reading.Contains(file.Path)).State));
        }

        states.AddRange(snapshot.Reading.Where(p => !known.Contains(p)).Distinct(StringComparer.Ordinal).Select(p => (p, FileState.Reading)));
        States = states;
        Failed = states.Count(s => s.State == FileState.Failed);
        Reading = states.Count(s => s.State is FileState.Reading or FileState.Ocr);
        Searchable = states.Count(s => s.State == FileState.Searchable);

        var files = snapshot.Report.Files.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Changes = snapshot.Report.RecentChanges
            .OrderByDescending(c => c.Time)
            .Select(c => FolderChange.From(c, files.GetValueOrDefault(c.Path)))
            .ToList();
        Version = VersionOf(snapshot);
    }

    /// <summary>What the counts were made from.</summary>
    public DocumentFolderSnapshot Snapshot { get; }

    /// <summary>Every path with its state (files of the report, and files on their way in).</summary>
    public IReadOnlyList<(string Path, FileState State)> States { get; }

    /// <summary>All files.</summary>
    public int Total => States.Count;

    /// <summary>Files that can be found.</summary>
    public int Searchable { get; }

    /// <summary>Files being read now, OCR included.</summary>
    public int Reading { get; }

    /// <summary>Files that could not be indexed.</summary>
    public int Failed { get; }

    /// <summary>True while something is being read: the page then asks for news more often.</summary>
    public bool Busy => Reading > 0 || Snapshot.Sync is not null;

    /// <summary>The latest changes, newest first.</summary>
    public IReadOnlyList<FolderChange> Changes { get; }

    /// <summary>When the newest change happened.</summary>
    public DateTimeOffset? NewestChange => Changes.Count > 0 ? Changes[0].Time : null;

    /// <summary>Short, opaque; different whenever anything shown on the page is.</summary>
    public string Version { get; }

    /// <summary>"28 filer: 26 sökbara, 1 läses, 1 misslyckades."</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string> { $"{Number(Searchable)} sökbara" };
            if (Reading > 0)
            {
                parts.Add($"{Number(Reading)} läses");
            }

            parts.Add($"{Number(Failed)} misslyckades");
            return $"{(Total == 1 ? "1 fil" : $"{Number(Total)} filer")}: {string.Join(", ", parts)}.";
        }
    }

    /// <summary>"Hela mappen gås igenom: 120 av 3 000 filer." while a full sync runs, else null.</summary>
    public string? SyncText => Snapshot.Sync is { } sync
        ? sync.Total > 0
            ? $"Hela mappen gås igenom: {Number(sync.Done)} av {Number(sync.Total)} filer."
            : "Hela mappen gås igenom."
        : null;

    /// <summary>The changes after <paramref name="since"/> (all when null), newest first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<FolderChange> ChangesAfter(DateTimeOffset? since, int max) =>
        Changes.Where(c => since is null || c.Time > since).Take(max).ToList();

    /// <summary>A whole number the Swedish way ("3 000").</summary>
    public static string Number(int value) => value.ToString("N0", Swedish);

    private static string VersionOf(DocumentFolderSnapshot snapshot)
    {
        var text = new StringBuilder(snapshot.ReportVersion).Append('\n');
        foreach (var path in snapshot.Reading)
        {
            text.Append(path).Append('\n');
        }

        if (snapshot.Sync is { } sync)
        {
            text.Append(CultureInfo.InvariantCulture, $"sync {sync.Done}/{sync.Total}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
    }
}
