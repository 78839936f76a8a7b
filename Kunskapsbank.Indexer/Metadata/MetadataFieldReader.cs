using System.Text.RegularExpressions;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Interprets `nyckel: värde` pairs (sidecar lines, front-matter fields) against the taxonomy.</summary>
/// <remarks>Sidecars and front matter share the keys, so one reader keeps their meaning identical.</remarks>
internal sealed partial class MetadataFieldReader(Taxonomy taxonomy)
{
    /// <summary>Keys editors may write, for the error message about an unknown key.</summary>
    public const string KnownKeysText = "titel, utgivare, år, dokumenttyp, målgrupp, ämne, yrkesgrupp, status, ersatt av, ersätter";

    /// <summary>A label with commas spans a few pieces at most; the cap keeps "a, b, c, …" linear.</summary>
    private const int MaxPiecesPerLabel = 4;

    private static readonly int LatestYear = DateTime.UtcNow.Year + 1;

    private readonly FacetValueNames _names = new(taxonomy);

    /// <summary>Applies one field to <paramref name="claims"/>; false when the key means nothing here.</summary>
    /// <param name="where">How a problem names the place, e.g. "Rutin.pdf.meta.yml rad 6".</param>
    public bool Apply(MetadataClaims claims, string key, IReadOnlyList<string> values, string where)
    {
        var field = Slug.From(key);
        var single = string.Join(", ", values.Select(v => v.Trim()).Where(v => v.Length > 0));
        switch (field)
        {
            case "titel" or "title":
                claims.Title = NonEmpty(single);
                return true;
            case "utgivare" or "publisher":
                claims.Publisher = NonEmpty(single);
                return true;
            case "ar" or "year":
                ApplyYear(claims, single, where);
                return true;
            case "status":
                ApplyStatus(claims, single, where);
                return true;
            case "ersatt-av" or "superseded-by":
                claims.SupersededBy = NonEmpty(single);
                return true;
            case "ersatter" or "supersedes":
                claims.Supersedes = NonEmpty(single);
                return true;
            case FacetIds.Dokumenttyp or "document-type":
                ApplyDocumentType(claims, values, where);
                return true;
        }

        var facet = taxonomy.Find(field);
        if (facet is null || facet.Values.Count == 0 || FacetIds.Derived.Contains(field))
        {
            return false;
        }

        foreach (var id in ResolveValues(facet, values, where, claims.Problems))
        {
            claims.AddFacetValue(facet.Id, id);
        }

        return true;
    }

    /// <summary>The value ids of <paramref name="facet"/> that <paramref name="values"/> name, by id or label.</summary>
    /// <remarks>
    /// Items are split at commas, then neighbours are joined again when together they name a value,
    /// so a label with a comma ("Stöd, behandling och insatser") survives "a, b" lists.
    /// </remarks>
    public List<string> ResolveValues(FacetDefinition facet, IReadOnlyList<string> values, string? where, List<string>? problems)
    {
        var pieces = values.SelectMany(v => v.Split(',')).Select(p => p.Trim()).ToList();
        var found = new List<string>();
        var i = 0;
        while (i < pieces.Count)
        {
            if (pieces[i].Length == 0)
            {
                i++;
                continue;
            }

            FacetValue? match = null;
            var used = 1;
            for (var j = Math.Min(pieces.Count, i + MaxPiecesPerLabel); j > i && match is null; j--)
            {
                match = FindValue(facet, string.Join(", ", pieces[i..j]));
                used = j - i;
            }

            if (match is null)
            {
                problems?.Add($"{where}: okänt värde '{pieces[i]}' för {facet.Label.ToLowerInvariant()} ({Suggest(facet, pieces[i])}).");
                i++;
                continue;
            }

            if (!found.Contains(match.Id))
            {
                found.Add(match.Id);
            }

            i += used;
        }

        return found;
    }

    /// <summary>The value whose id or label <paramref name="text"/> names, ignoring case and å/ä/ö spelling.</summary>
    public FacetValue? FindValue(FacetDefinition facet, string text) => _names.Find(facet, text);

    private void ApplyDocumentType(MetadataClaims claims, IReadOnlyList<string> values, string where)
    {
        var facet = taxonomy.Find(FacetIds.Dokumenttyp);
        if (facet is null)
        {
            return;
        }

        var ids = ResolveValues(facet, values, where, claims.Problems);
        if (ids.Count > 1)
        {
            claims.Problems.Add($"{where}: ett dokument har en dokumenttyp; '{ids[0]}' används, inte '{string.Join("', '", ids.Skip(1))}'.");
        }

        if (ids.Count > 0)
        {
            claims.DocumentType = ids[0];
        }
    }

    private static void ApplyYear(MetadataClaims claims, string text, string where)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (int.TryParse(text, out var year) && year >= 1800 && year <= LatestYear)
        {
            claims.Year = year;
            return;
        }

        claims.Problems.Add($"{where}: '{text}' är inget giltigt år; skriv fyra siffror, t.ex. 2023.");
    }

    private static void ApplyStatus(MetadataClaims claims, string text, string where)
    {
        var slug = Slug.From(text);
        if (slug.Length == 0)
        {
            return;
        }

        if (slug.StartsWith("ersatt-av-", StringComparison.Ordinal))
        {
            // "status: ersatt av X" is a natural way to write both at once.
            claims.Status = DocumentStatus.Superseded;
            claims.SupersededBy ??= NonEmpty(SupersededPrefix().Replace(text.Trim(), "").Trim());
            return;
        }

        DocumentStatus? status = slug switch
        {
            "gallande" or "current" => DocumentStatus.Current,
            "ersatt" or "superseded" => DocumentStatus.Superseded,
            "upphavd" or "upphavt" or "repealed" => DocumentStatus.Repealed,
            _ => null,
        };
        if (status is null)
        {
            claims.Problems.Add($"{where}: okänd status '{text}'; skriv gällande, ersatt eller upphävd.");
            return;
        }

        claims.Status = status;
    }

    private static string Suggest(FacetDefinition facet, string text)
    {
        var slug = Slug.From(text);
        var close = facet.Values.FirstOrDefault(v => slug.Length >= 3 && (v.Id.StartsWith(slug, StringComparison.Ordinal) || slug.StartsWith(v.Id, StringComparison.Ordinal)));
        return close is not null
            ? $"menade du '{close.Id}'?"
            : "se taxonomi.yml för tillåtna värden";
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"^ersatt\s+av\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex SupersededPrefix();
}
