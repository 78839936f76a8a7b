using System.Globalization;
using System.Text;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Facets;

/// <summary>The facets derived from document fields rather than from the taxonomy tags.</summary>
public static class FacetIds
{
    /// <summary>Target group (taxonomy).</summary>
    public const string TargetGroup = "malgrupp";

    /// <summary>Subject (taxonomy).</summary>
    public const string Subject = "amne";

    /// <summary>Profession (taxonomy).</summary>
    public const string Profession = "yrkesgrupp";

    /// <summary>Document type.</summary>
    public const string DocumentType = "dokumenttyp";

    /// <summary>Publication year; values from the data.</summary>
    public const string Year = "ar";

    /// <summary>Publisher; values (slugs of the names) from the data.</summary>
    public const string Publisher = "utgivare";

    /// <summary>Current, superseded or repealed.</summary>
    public const string Status = "status";

    /// <summary>All facets in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [TargetGroup, Subject, Profession, DocumentType, Year, Publisher, Status];

    /// <summary>Swedish labels for the facets the taxonomy may not define.</summary>
    public static string DefaultLabel(string facetId) => facetId switch
    {
        TargetGroup => "Målgrupp",
        Subject => "Ämne",
        Profession => "Yrkesgrupp",
        DocumentType => "Dokumenttyp",
        Year => "År",
        Publisher => "Utgivare",
        Status => "Status",
        _ => facetId,
    };

    /// <summary>Maps English aliases used in the benchmark queries (year:, publisher:) to facet ids.</summary>
    public static string? Normalize(string name) => name.ToLowerInvariant() switch
    {
        "year" or "ar" or "år" => Year,
        "publisher" or "utgivare" => Publisher,
        "type" or "dokumenttyp" => DocumentType,
        var other when All.Contains(other) => other,
        _ => null,
    };
}

/// <summary>Status ids and labels.</summary>
public static class StatusIds
{
    /// <summary>The stable id of a status.</summary>
    public static string For(DocumentStatus status) => status switch
    {
        DocumentStatus.Superseded => "ersatt",
        DocumentStatus.Repealed => "upphavd",
        _ => "gallande",
    };

    /// <summary>The Swedish label of a status.</summary>
    public static string Label(DocumentStatus status) => status switch
    {
        DocumentStatus.Superseded => "Ersatt",
        DocumentStatus.Repealed => "Upphävd",
        _ => "Gällande",
    };

    /// <summary>The Swedish label of a status id.</summary>
    public static string LabelOf(string id) => id switch
    {
        "ersatt" => "Ersatt",
        "upphavd" => "Upphävd",
        _ => "Gällande",
    };
}

/// <summary>ASCII slugs for values that come from data (publisher names).</summary>
public static class Slug
{
    /// <summary>"Socialstyrelsen Å" → "socialstyrelsen-a".</summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
