using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Decides a document's metadata and facet tags: sidecar, then file properties, then auto-tagging.</summary>
public interface IMetadataResolver
{
    /// <summary>The vocabularies in force (loaded from the corpus folder).</summary>
    Taxonomy Taxonomy { get; }

    /// <summary>Swedish report lines about a broken `taxonomi.yml` (then the built-in taxonomy is in force); empty when fine.</summary>
    IReadOnlyList<string> TaxonomyProblems { get; }

    /// <summary>True for files that describe documents rather than being documents (sidecars, the taxonomy file).</summary>
    bool IsMetadataFile(string path);

    /// <summary>The sidecar file for a document, or null when it has none.</summary>
    string? FindSidecar(string documentPath);

    /// <summary>Resolves the metadata of an extracted document; problems become report lines, never exceptions.</summary>
    DocumentMetadata Resolve(string documentPath, ExtractedDocument document);
}
