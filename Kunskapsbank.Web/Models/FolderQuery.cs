using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Kunskapsbank.Web.Models;

/// <summary>Which files of the document folder to show.</summary>
public enum FolderFilter
{
    /// <summary>Every file.</summary>
    All,

    /// <summary>Files that could not be indexed.</summary>
    Failed,

    /// <summary>Files being read now (waiting, in a batch, or in OCR).</summary>
    Reading,

    /// <summary>Files whose documents can be found.</summary>
    Searchable,
}

/// <summary>The Dokumentmappen page's URL state: `visa` (which files), `namn` (part of the file name) and `sida`.</summary>
public sealed record FolderQuery(FolderFilter Filter, string Name, int Page)
{
    /// <summary>Where the page lives.</summary>
    public const string Path = "/dokumentmappen";

    /// <summary>Longest file-name search passed on; longer input is cut.</summary>
    public const int MaxNameLength = 200;

    private const int MaxPage = 10_000;

    /// <summary>The URL slugs of the filters, in the order the page offers them.</summary>
    public static IReadOnlyList<(FolderFilter Filter, string Slug)> Filters { get; } =
    [
        (FolderFilter.All, "alla"),
        (FolderFilter.Failed, "misslyckade"),
        (FolderFilter.Reading, "lases"),
        (FolderFilter.Searchable, "sokbara"),
    ];

    /// <summary>The whole folder, first page.</summary>
    public static FolderQuery Everything { get; } = new(FolderFilter.All, string.Empty, 1);

    /// <summary>Reads the query string; unknown values fall back to the whole folder, sizes are bounded.</summary>
    public static FolderQuery FromQueryString(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var slug = query["visa"].ToString();
        var filter = Filters.FirstOrDefault(f => f.Slug == slug).Filter;
        // NFC, so "å" typed on a Mac (a + ring) is the same search, in the heading and the URL too.
        var name = InputText.Clean(query["namn"].ToString()).Normalize(NormalizationForm.FormC);
        if (name.Length > MaxNameLength)
        {
            name = name[..(char.IsHighSurrogate(name[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength)];
        }

        var page = int.TryParse(query["sida"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, MaxPage) : 1;
        return new FolderQuery(filter, name.Trim(), page);
    }

    /// <summary>The slug of <see cref="Filter"/>.</summary>
    public string FilterSlug => SlugOf(Filter);

    /// <summary>The same search for another set of files, from the first page.</summary>
    public FolderQuery WithFilter(FolderFilter filter) => this with { Filter = filter, Page = 1 };

    /// <summary>Another page of the same files.</summary>
    public FolderQuery WithPage(int page) => this with { Page = page };

    /// <summary>The page's URL for this state (defaults left out).</summary>
    public string ToUrl()
    {
        var builder = new StringBuilder(Path);
        var separator = '?';
        void Add(string name, string value)
        {
            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        if (Filter != FolderFilter.All)
        {
            Add("visa", FilterSlug);
        }

        if (Name.Length > 0)
        {
            Add("namn", Name);
        }

        if (Page > 1)
        {
            Add("sida", Page.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static string SlugOf(FolderFilter filter) => Filters.First(f => f.Filter == filter).Slug;
}
