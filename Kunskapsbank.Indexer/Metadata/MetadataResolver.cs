using System.Globalization;
using System.Text;
using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Decides each document's metadata: sidecar, then the file's own properties, then auto-tagging, per facet.</summary>
/// <remarks>
/// Immutable and thread-safe. Build one per taxonomy (the trigger matcher analyses every trigger once);
/// when `taxonomi.yml` changes, build a new one with <see cref="ForCorpus"/>.
/// Besides the vocabulary facets, <see cref="DocumentMetadata.Tags"/> also carries the derived facets
/// `dokumenttyp`, `ar`, `utgivare` and `status`, so the index can treat every filterable facet alike;
/// the label of a `utgivare` value is <see cref="DocumentMetadata.Publisher"/>.
/// </remarks>
public sealed class MetadataResolver : IMetadataResolver
{
    /// <summary>File name endings that mark a sidecar.</summary>
    public static readonly IReadOnlyList<string> SidecarSuffixes = [".meta.yml", ".meta.yaml"];

    private readonly SidecarReader _sidecars;
    private readonly PropertiesReader _properties;
    private readonly AutoTagger _autoTagger;

    /// <summary>Creates a resolver for <paramref name="taxonomy"/>.</summary>
    /// <param name="taxonomyProblems">Problems met while loading the taxonomy, passed on for the report.</param>
    public MetadataResolver(Taxonomy taxonomy, Analyzer analyzer, IReadOnlyList<string>? taxonomyProblems = null, AutoTagOptions? options = null)
    {
        Taxonomy = taxonomy;
        TaxonomyProblems = taxonomyProblems ?? [];
        _sidecars = new SidecarReader(taxonomy);
        _properties = new PropertiesReader(taxonomy);
        _autoTagger = new AutoTagger(new TriggerMatcher(taxonomy, analyzer), options ?? AutoTagOptions.Default);
    }

    /// <inheritdoc />
    public Taxonomy Taxonomy { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> TaxonomyProblems { get; }

    /// <summary>A resolver for the taxonomy in <paramref name="corpusPath"/> (or the built-in one if it is missing or broken).</summary>
    public static MetadataResolver ForCorpus(string corpusPath, Analyzer analyzer)
    {
        var loaded = TaxonomyLoader.LoadFromCorpus(corpusPath);
        return new MetadataResolver(loaded.Taxonomy, analyzer, loaded.Problems);
    }

    /// <inheritdoc />
    public bool IsMetadataFile(string path)
    {
        var name = Path.GetFileName(path);
        return SidecarSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            || string.Equals(name, TaxonomyLoader.FileName, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public string? FindSidecar(string documentPath)
    {
        try
        {
            var folder = Path.GetDirectoryName(documentPath) is { Length: > 0 } parent ? parent : ".";
            var name = Path.GetFileName(documentPath);
            foreach (var spelling in Spellings(name))
            {
                foreach (var suffix in SidecarSuffixes)
                {
                    var candidate = Path.Combine(folder, spelling + suffix);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            // "X.meta.yml" only when no other document in the folder is also called X.
            var stem = Path.GetFileNameWithoutExtension(documentPath);
            foreach (var spelling in Spellings(stem))
            {
                foreach (var suffix in SidecarSuffixes)
                {
                    var candidate = Path.Combine(folder, spelling + suffix);
                    if (File.Exists(candidate) && !HasNamesake(folder, stem, documentPath))
                    {
                        return candidate;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // An unreadable folder means no sidecar; the document itself is still indexed.
        }

        return null;
    }

    /// <inheritdoc />
    public DocumentMetadata Resolve(string documentPath, ExtractedDocument document)
    {
        try
        {
            return ResolveCore(documentPath, document);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Metadata must never cost a document its place in the index.
            return new DocumentMetadata(
                ReadableFileName(documentPath), null, null, null, DocumentStatus.Current, null, [],
                [$"Metadata kunde inte bestämmas ({e.GetType().Name}: {e.Message}); dokumentet indexeras utan taggar."]);
        }
    }

    private DocumentMetadata ResolveCore(string documentPath, ExtractedDocument document)
    {
        var sidecarPath = FindSidecar(documentPath);
        var sidecar = sidecarPath is null ? null : _sidecars.Read(sidecarPath);
        var properties = _properties.Read(document.Properties);
        MetadataClaims[] sources = sidecar is null ? [properties, .. PdfClaims(documentPath, document)] : [sidecar, properties, .. PdfClaims(documentPath, document)];

        var title = sidecar?.Title ?? properties.Title ?? FirstHeading(document) ?? ReadableFileName(documentPath);
        var publisher = Strongest(sources, c => c.Publisher);
        var year = Strongest(sources, c => c.Year);
        var status = Strongest(sources, c => c.Status);
        var supersededBy = Strongest(sources, c => c.SupersededBy);
        var supersedes = Strongest(sources, c => c.Supersedes);
        var documentType = Strongest(sources, c => c.DocumentType);

        var tags = new List<FacetTag>();
        var openForAutoTags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var facet in Taxonomy.Facets.Where(f => f.Values.Count > 0 && !FacetIds.Derived.Contains(f.Id)))
        {
            if (facet.Id == FacetIds.Dokumenttyp)
            {
                if (documentType.Value is { } type)
                {
                    tags.Add(new FacetTag(facet.Id, type, documentType.Source!.Source, FromReason(documentType.Source, facet)));
                }
                else
                {
                    openForAutoTags.Add(facet.Id);
                }

                continue;
            }

            var setBy = sources.FirstOrDefault(s => s.Facets.TryGetValue(facet.Id, out var values) && values.Count > 0);
            if (setBy is null)
            {
                openForAutoTags.Add(facet.Id);
                continue;
            }

            tags.AddRange(setBy.Facets[facet.Id].Select(v => new FacetTag(facet.Id, v, setBy.Source, FromReason(setBy, facet))));
        }

        var autoTags = _autoTagger.Tag(title, document.Passages, openForAutoTags);
        tags.AddRange(autoTags);
        documentType = documentType.Value is not null
            ? documentType
            : new Sourced<string?>(autoTags.FirstOrDefault(t => t.Facet == FacetIds.Dokumenttyp)?.Value, null);

        var resolvedStatus = status.Value ?? (supersededBy.Value is not null ? DocumentStatus.Superseded : DocumentStatus.Current);
        AddDerivedTags(tags, year, publisher, status, supersededBy, resolvedStatus);

        var problems = sources.SelectMany(s => s.Problems).ToList();
        return new DocumentMetadata(title, publisher.Value, year.Value, documentType.Value, resolvedStatus, supersededBy.Value, tags, problems)
        {
            Supersedes = supersedes.Value,
        };
    }

    private static void AddDerivedTags(
        List<FacetTag> tags,
        Sourced<int?> year,
        Sourced<string?> publisher,
        Sourced<DocumentStatus?> status,
        Sourced<string?> supersededBy,
        DocumentStatus resolvedStatus)
    {
        if (year.Value is { } y && year.Source is { } yearSource)
        {
            tags.Add(new FacetTag(FacetIds.Ar, y.ToString(CultureInfo.InvariantCulture), yearSource.Source, $"Året kommer från {yearSource.Origin}."));
        }

        if (publisher.Value is { } name && publisher.Source is { } publisherSource && Slug.From(name).Length > 0)
        {
            tags.Add(new FacetTag(FacetIds.Utgivare, Slug.From(name), publisherSource.Source, $"Utgivaren '{name}' kommer från {publisherSource.Origin}."));
        }

        var statusId = resolvedStatus switch
        {
            DocumentStatus.Superseded => "ersatt",
            DocumentStatus.Repealed => "upphavd",
            _ => "gallande",
        };
        var statusTag = (status.Source ?? supersededBy.Source) is { } statusSource
            ? new FacetTag(FacetIds.Status, statusId, statusSource.Source, $"Statusen kommer från {statusSource.Origin}.")
            : new FacetTag(FacetIds.Status, statusId, TagSource.AutoTag, "Ingen status angiven; dokumentet räknas som gällande.");
        tags.Add(statusTag);
    }

    /// <summary>What a PDF's first page and creation date say, weaker than the sidecar and the file's own fields: the kind
    /// and publisher it names, the year of its dated line or series number, else the year it was created.</summary>
    /// <remarks>Year from the creation date only for PDFs, and only after the text: a scan made in 2019 of a 1991 bill
    /// says 1991 on its first page.</remarks>
    private IEnumerable<MetadataClaims> PdfClaims(string documentPath, ExtractedDocument document)
    {
        if (!documentPath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var recognized = DocumentKindRecognizer.Recognize(document);
        if (recognized.KindEvidence is { } kindEvidence)
        {
            var known = Taxonomy.Find(FacetIds.Dokumenttyp)?.Values.Any(v => v.Id == recognized.DocumentType) ?? false;
            yield return new MetadataClaims(TagSource.AutoTag, $"första sidan ({kindEvidence})")
            {
                DocumentType = known ? recognized.DocumentType : null,
                Publisher = recognized.Publisher,
            };
        }

        if (recognized is { Year: { } year, YearEvidence: { } yearEvidence })
        {
            yield return new MetadataClaims(TagSource.AutoTag, $"första sidan ({yearEvidence})") { Year = year };
        }
        else if (document.Properties.Created is { } created && created.Year >= 1990 && created.Year <= DateTime.UtcNow.Year + 1)
        {
            var date = created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return new MetadataClaims(TagSource.Properties, $"PDF-filens skapandedatum ({date})") { Year = created.Year };
        }
    }

    private static string FromReason(MetadataClaims source, FacetDefinition facet) => source.Source switch
    {
        TagSource.AutoTag => $"Automatiskt från {source.Origin}.",
        TagSource.Sidecar => $"Från {source.Origin} (den anger {facet.Label.ToLowerInvariant()}, så inga värden läggs till från egenskaper eller automatisk taggning).",
        _ => $"Från {source.Origin} (de anger {facet.Label.ToLowerInvariant()}, så automatisk taggning lägger inte till fler).",
    };

    private static Sourced<T> Strongest<T>(MetadataClaims[] sources, Func<MetadataClaims, T> read)
    {
        foreach (var source in sources)
        {
            var value = read(source);
            if (value is not null)
            {
                return new Sourced<T>(value, source);
            }
        }

        return new Sourced<T>(default, null);
    }

    /// <summary>The name as given, then its composed and decomposed forms (macOS writes "å" as a + ring).</summary>
    private static IEnumerable<string> Spellings(string name)
    {
        yield return name;
        if (name.All(char.IsAscii))
        {
            yield break;
        }

        var composed = name.Normalize(NormalizationForm.FormC);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        if (composed != name)
        {
            yield return composed;
        }

        if (decomposed != name && decomposed != composed)
        {
            yield return decomposed;
        }
    }

    private bool HasNamesake(string folder, string stem, string documentPath)
    {
        var self = Path.GetFileName(documentPath);
        return Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .Any(name => name is not null
                && name != self
                && !IsMetadataFile(name)
                && Path.GetFileNameWithoutExtension(name).Normalize(NormalizationForm.FormC) == stem.Normalize(NormalizationForm.FormC));
    }

    private static string? FirstHeading(ExtractedDocument document) =>
        document.Passages.Take(3).SelectMany(p => p.HeadingPath).Select(h => h.Trim()).FirstOrDefault(h => h.Length > 0);

    /// <summary>"rutin_hedersvald-2023.pdf" → "Rutin hedersvald 2023".</summary>
    internal static string ReadableFileName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path).Normalize(NormalizationForm.FormC);
        var words = stem.Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        if (text.Length == 0)
        {
            return Path.GetFileName(path);
        }

        return char.ToUpper(text[0], CultureInfo.GetCultureInfo("sv-SE")) + text[1..];
    }

    private sealed record Sourced<T>(T? Value, MetadataClaims? Source);
}
