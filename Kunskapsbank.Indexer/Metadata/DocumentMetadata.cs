namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Everything known about a document besides its text, with where each tag came from.</summary>
/// <param name="Problems">Swedish report lines about bad metadata (e.g. an unknown facet value in a sidecar); the document is still indexed.</param>
public sealed record DocumentMetadata(
    string Title,
    string? Publisher,
    int? Year,
    string? DocumentType,
    DocumentStatus Status,
    string? SupersededBy,
    IReadOnlyList<FacetTag> Tags,
    IReadOnlyList<string> Problems)
{
    /// <summary>The older document this one replaces (the sidecar's `ersätter`), as the editor wrote it; null when none.</summary>
    public string? Supersedes { get; init; }
}

/// <summary>Whether a document is still the one to follow.</summary>
public enum DocumentStatus
{
    /// <summary>Gällande.</summary>
    Current,

    /// <summary>Ersatt av ett annat dokument.</summary>
    Superseded,

    /// <summary>Upphävd.</summary>
    Repealed,
}

/// <summary>One facet value on a document and why it is there.</summary>
/// <param name="Facet">Facet id, e.g. `amne`.</param>
/// <param name="Value">Value id, e.g. `hedersrelaterat-vald`.</param>
/// <param name="Reason">Swedish explanation for `kunskapsbank report` (e.g. "triggerord: hedersvåld (3 gånger)").</param>
public sealed record FacetTag(string Facet, string Value, TagSource Source, string Reason);

/// <summary>Where a tag came from, strongest first.</summary>
public enum TagSource
{
    /// <summary>The editor's sidecar file.</summary>
    Sidecar,

    /// <summary>The document's own properties or front matter.</summary>
    Properties,

    /// <summary>Trigger words found in the analysed text.</summary>
    AutoTag,
}
