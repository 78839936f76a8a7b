using System.Globalization;
using System.Text;

namespace Kunskapsbank.Web.Models;

/// <summary>The Dokumentmappen page: the files asked for (failures first), the counts per state, the recent changes.</summary>
/// <remarks>Only the rows of the page shown are built in full (with tags and advice); the rest are counted.</remarks>
public sealed class FolderPage
{
    /// <summary>Files per page: enough to scan, small enough to refresh every few seconds.</summary>
    public const int PageSize = 50;

    /// <summary>Recent changes listed on the page.</summary>
    public const int ChangesShown = 30;

    private static readonly CompareInfo SwedishCompare = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;
    private static readonly StringComparer SwedishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    /// <summary>The page for <paramref name="query"/> over <paramref name="status"/>.</summary>
    public FolderPage(FolderStatus status, FolderQuery query, TaxonomyLabels labels, TimeText time)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(labels);
        Status = status;
        Time = time;

        var named = status.States.Where(s => Matches(s.Path, query.Name)).ToList();
        Counts = new Dictionary<FolderFilter, int>
        {
            [FolderFilter.All] = named.Count,
            [FolderFilter.Failed] = named.Count(s => s.State == FileState.Failed),
            [FolderFilter.Reading] = named.Count(s => s.State is FileState.Reading or FileState.Ocr),
            [FolderFilter.Searchable] = named.Count(s => s.State == FileState.Searchable),
        };
        var chosen = named.Where(s => InFilter(s.State, query.Filter))
            .OrderBy(s => s.State)
            .ThenBy(s => s.Path, SwedishOrder)
            .ToList();
        Matching = chosen.Count;
        PageCount = Math.Max(1, (Matching + PageSize - 1) / PageSize);
        Query = query.Page > PageCount ? query.WithPage(PageCount) : query;

        var report = status.Snapshot.Report;
        var files = report.Files.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var documents = report.Documents.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var reading = status.Snapshot.Reading.ToHashSet(StringComparer.Ordinal);
        Files = chosen.Skip((Query.Page - 1) * PageSize).Take(PageSize)
            .Select(s => files.TryGetValue(s.Path, out var file)
                ? FolderFile.From(file, documents.GetValueOrDefault(s.Path), reading.Contains(s.Path), labels)
                : FolderFile.Waiting(s.Path))
            .ToList();
        RecentChanges = status.Changes.Take(ChangesShown).ToList();
    }

    /// <summary>The counts, changes and version the page and its status poll share.</summary>
    public FolderStatus Status { get; }

    /// <summary>What was asked for (the page number kept within the pages there are).</summary>
    public FolderQuery Query { get; }

    /// <summary>How times and sizes are written.</summary>
    public TimeText Time { get; }

    /// <summary>The files of this page, in order.</summary>
    public IReadOnlyList<FolderFile> Files { get; }

    /// <summary>Files matching the name search, per filter (what each filter link would show).</summary>
    public IReadOnlyDictionary<FolderFilter, int> Counts { get; }

    /// <summary>Files matching the name search and the filter.</summary>
    public int Matching { get; }

    /// <summary>Pages of <see cref="PageSize"/> files.</summary>
    public int PageCount { get; }

    /// <summary>The newest changes shown on the page.</summary>
    public IReadOnlyList<FolderChange> RecentChanges { get; }

    /// <summary>The browser tab title.</summary>
    public string Title => Query.Filter == FolderFilter.Failed ? "Misslyckade filer – Dokumentmappen" : "Dokumentmappen";

    /// <summary>"Senast genomgången i dag 14:03." from the last completed full sync.</summary>
    public string LastSyncText => Status.Snapshot.Report.LastSync is { } last
        ? $"Hela mappen gicks senast igenom {Time.Of(last)}."
        : "Mappen har inte gåtts igenom helt ännu.";

    /// <summary>The heading of the file list: which files, how many, which of them are shown.</summary>
    public string ListHeading
    {
        get
        {
            var which = Query.Filter switch
            {
                FolderFilter.Failed => "Filer som inte kunde läsas",
                FolderFilter.Reading => "Filer som läses",
                FolderFilter.Searchable => "Sökbara filer",
                _ => "Alla filer",
            };
            var name = Query.Name.Length > 0 ? $" med ”{Query.Name}” i namnet" : string.Empty;
            var shown = PageCount > 1
                ? $" – visar {FolderStatus.Number(((Query.Page - 1) * PageSize) + 1)}–{FolderStatus.Number(((Query.Page - 1) * PageSize) + Files.Count)} av {FolderStatus.Number(Matching)}"
                : $" ({FolderStatus.Number(Matching)})";
            return which + name + shown;
        }
    }

    /// <summary>What to say when the list is empty.</summary>
    public string EmptyText => Query.Name.Length > 0
        ? $"Inga filer med ”{Query.Name}” i namnet{(Query.Filter == FolderFilter.All ? string.Empty : " här")}."
        : Query.Filter switch
        {
            FolderFilter.Failed => "Alla filer kunde läsas – inget att åtgärda.",
            FolderFilter.Reading => "Inga filer läses just nu.",
            FolderFilter.Searchable => "Inga filer är sökbara ännu.",
            _ => "Dokumentmappen är tom. Lägg PDF-, Word-, Markdown-, HTML- eller textfiler i den så blir de sökbara.",
        };

    /// <summary>The label of a filter link.</summary>
    public static string FilterLabel(FolderFilter filter) => filter switch
    {
        FolderFilter.Failed => "Misslyckades",
        FolderFilter.Reading => "Läses",
        FolderFilter.Searchable => "Sökbara",
        _ => "Alla",
    };

    /// <summary>The URL of the same name search with another filter.</summary>
    public string FilterUrl(FolderFilter filter) => Query.WithFilter(filter).ToUrl();

    /// <summary>The URL of another page.</summary>
    public string PageUrl(int page) => Query.WithPage(page).ToUrl();

    /// <summary>True when <paramref name="path"/> contains <paramref name="name"/> (case, accents as typed, NFC or NFD alike).</summary>
    public static bool Matches(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0
            || SwedishCompare.IndexOf(path.Normalize(NormalizationForm.FormC), name.Normalize(NormalizationForm.FormC), CompareOptions.IgnoreCase) >= 0;
    }

    private static bool InFilter(FileState state, FolderFilter filter) => filter switch
    {
        FolderFilter.Failed => state == FileState.Failed,
        FolderFilter.Reading => state is FileState.Reading or FileState.Ocr,
        FolderFilter.Searchable => state == FileState.Searchable,
        _ => true,
    };
}
