using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Turns a file's own properties (PDF info, Word core properties, Markdown front matter) into claims.</summary>
internal sealed class PropertiesReader(Taxonomy taxonomy)
{
    private readonly MetadataFieldReader _fields = new(taxonomy);

    public MetadataClaims Read(DocumentProperties properties)
    {
        var claims = new MetadataClaims(TagSource.Properties, "dokumentets egenskaper");
        if (properties.Fields is not null)
        {
            foreach (var (key, values) in properties.Fields)
            {
                // Front matter may carry fields of its own (language, source URL); only known keys mean something.
                _fields.Apply(claims, key, values, $"Dokumentets egenskap '{key}'");
            }
        }

        var title = PlausibleTitle(properties.Title);
        if (title is not null)
        {
            claims.Title = title;
        }

        // The author property is not used as publisher: in real files it is the person or account that
        // typed the document ("NSD0318", a clerk's name), and a person's name must not become a facet.

        // Keywords and subject are free text: use the ones that name a value exactly, ignore the rest quietly.
        var free = (properties.Keywords ?? []).Append(properties.Subject ?? "").Where(k => k.Trim().Length > 0);
        foreach (var keyword in free)
        {
            foreach (var facet in taxonomy.Facets.Where(f => f.Values.Count > 0 && !FacetIds.Derived.Contains(f.Id)))
            {
                var value = _fields.FindValue(facet, keyword);
                if (value is null)
                {
                    continue;
                }

                if (facet.Id == FacetIds.Dokumenttyp)
                {
                    claims.DocumentType ??= value.Id;
                }
                else if (!(properties.Fields?.Keys.Any(k => Slug.From(k) == facet.Id) ?? false))
                {
                    claims.AddFacetValue(facet.Id, value.Id);
                }
            }
        }

        return claims;
    }

    /// <summary>The title unless it is a placeholder a program wrote ("Microsoft Word - dok1.docx", "Untitled").</summary>
    internal static string? PlausibleTitle(string? title)
    {
        var text = title?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith("Microsoft Word - ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var slug = Slug.From(text);
        string[] placeholders = ["untitled", "namnlos", "dokument", "document", "titel", "title", "rubrik"];
        if (slug.Length < 3 || placeholders.Contains(slug) || System.Text.RegularExpressions.Regex.IsMatch(slug, "^(dokument|document|doc)-?[0-9]+$"))
        {
            return null;
        }

        string[] fileExtensions = [".pdf", ".docx", ".doc", ".txt", ".md", ".odt", ".rtf", ".indd"];
        return fileExtensions.Any(e => text.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? null : text;
    }
}
