using Kunskapsbank.Api.Gaps;
using Kunskapsbank.Api.Security;
using Kunskapsbank.Api.Watching;

namespace Kunskapsbank.Api.Hosting;

/// <summary>The service's settings (configuration section `Kunskapsbank`, environment variables `Kunskapsbank__…`).</summary>
public sealed class KunskapsbankOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Kunskapsbank";

    /// <summary>The corpus folder; relative paths are resolved against the content root (the Api project folder).</summary>
    public string CorpusPath { get; set; } = "../corpus";

    /// <summary>The index folder (Lucene); created when missing. The knowledge-gap file lives beside it.</summary>
    public string IndexPath { get; set; } = "../data/index";

    /// <summary>The key for the admin endpoints (header `X-Api-Key`); the endpoints do not exist while it is empty.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Bounds on search parameters.</summary>
    public SearchLimits Search { get; set; } = new();

    /// <summary>Rate limiting of search and suggest.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The folder watcher.</summary>
    public WatcherOptions Watcher { get; set; } = new();

    /// <summary>The knowledge-gap report.</summary>
    public GapOptions Gaps { get; set; } = new();

    /// <summary>The editors' page of the document folder.</summary>
    public DocumentFolderOptions DocumentFolder { get; set; } = new();

    /// <summary>Background OCR of scanned PDF pages.</summary>
    public OcrOptions Ocr { get; set; } = new();
}

/// <summary>Bounds that keep one request cheap.</summary>
public sealed class SearchLimits
{
    /// <summary>Longest query text accepted, in characters.</summary>
    public int MaxQueryLength { get; set; } = 1000;

    /// <summary>Largest page size.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Highest page number.</summary>
    public int MaxPage { get; set; } = 1000;

    /// <summary>Longest text for /api/analyze and /api/suggest.</summary>
    public int MaxAnalyzeLength { get; set; } = 1000;
}

/// <summary>The editors' page `/dokumentmappen` (section `Kunskapsbank:DocumentFolder`).</summary>
public sealed class DocumentFolderOptions
{
    /// <summary>Show every file's state, failure reason and tags to everyone who reaches the service, like the search.</summary>
    public bool ShowPage { get; set; } = true;
}
