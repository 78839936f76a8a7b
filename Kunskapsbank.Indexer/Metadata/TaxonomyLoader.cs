namespace Kunskapsbank.Indexer.Metadata;

/// <summary>A taxonomy and what was wrong with the file it came from.</summary>
/// <param name="Problems">Swedish report lines with file name and line number; empty when the file was fine.</param>
/// <param name="IsBuiltIn">True when the built-in default was used because the corpus file was missing or broken.</param>
public sealed record TaxonomyLoadResult(Taxonomy Taxonomy, IReadOnlyList<string> Problems, bool IsBuiltIn);

/// <summary>Reads `taxonomi.yml` strictly; a broken file is reported and replaced by the built-in copy, never fatal.</summary>
public static class TaxonomyLoader
{
    /// <summary>The file name editors edit in the corpus root.</summary>
    public const string FileName = "taxonomi.yml";

    /// <summary>The shipped taxonomy is about 15 kB; a file far larger is not a taxonomy.</summary>
    private const long MaxBytes = 1024 * 1024;

    /// <summary>Loads `taxonomi.yml` from the corpus root, falling back to the built-in taxonomy.</summary>
    public static TaxonomyLoadResult LoadFromCorpus(string corpusPath)
    {
        var path = Path.Combine(corpusPath, FileName);
        if (!File.Exists(path))
        {
            return new TaxonomyLoadResult(BuiltIn(), [], IsBuiltIn: true);
        }

        var text = MetadataFile.Read(path, MaxBytes, out var reason);
        if (text is null)
        {
            return new TaxonomyLoadResult(
                BuiltIn(),
                [$"{FileName}: filen {reason}. Den inbyggda standardtaxonomin används."],
                IsBuiltIn: true);
        }

        var (taxonomy, problems) = Parse(text, FileName);
        if (taxonomy is not null)
        {
            return new TaxonomyLoadResult(taxonomy, [], IsBuiltIn: false);
        }

        return new TaxonomyLoadResult(
            BuiltIn(),
            [.. problems, $"{FileName}: filen innehåller fel och används inte; den inbyggda standardtaxonomin gäller tills felen är rättade."],
            IsBuiltIn: true);
    }

    /// <summary>The taxonomy shipped inside the program (a copy of the shipped `corpus/taxonomi.yml`).</summary>
    public static Taxonomy BuiltIn()
    {
        // The logical name carries the folder with the build machine's separator, so match on the ending.
        var assembly = typeof(TaxonomyLoader).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.EndsWith("Metadata/" + FileName, StringComparison.Ordinal) || n.EndsWith("Metadata\\" + FileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The built-in {FileName} is missing from the build (Resources/Metadata/).");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var (taxonomy, problems) = Parse(reader.ReadToEnd(), "inbyggd " + FileName);
        return taxonomy ?? throw new InvalidOperationException("The built-in taxonomy is invalid: " + string.Join(" ", problems));
    }

    /// <summary>Parses taxonomy text; returns null and the Swedish problems when anything is wrong (all or nothing).</summary>
    /// <remarks>The derived facets (år, utgivare, status) are appended so the result describes every filterable facet.</remarks>
    public static (Taxonomy? Taxonomy, IReadOnlyList<string> Problems) Parse(string text, string fileName)
    {
        var problems = new List<string>();
        void Problem(int line, string message) => problems.Add($"{fileName} rad {line}: {message}");

        var parsed = YamlReader.Parse(text);
        foreach (var error in parsed.Errors)
        {
            Problem(error.Line, error.Message);
        }

        foreach (var entry in parsed.Root.Entries.Where(e => !IsKey(e.Key, "fasetter")))
        {
            Problem(entry.Line, $"okänd nyckel '{entry.Key}'; filen ska bara innehålla 'fasetter:'.");
        }

        var facets = new List<FacetDefinition>();
        var facetsEntry = parsed.Root.Find("fasetter");
        if (facetsEntry?.Value is not YamlSequence facetNodes)
        {
            Problem(facetsEntry?.Line ?? 1, "listan 'fasetter:' saknas eller är tom.");
        }
        else
        {
            foreach (var node in facetNodes.Items)
            {
                var facet = ReadFacet(node, Problem);
                if (facet is null)
                {
                    continue;
                }

                if (facets.Any(f => f.Id == facet.Id))
                {
                    Problem(node.Line, $"fasetten '{facet.Id}' finns redan.");
                    continue;
                }

                facets.Add(facet);
            }
        }

        foreach (var required in FacetIds.Required.Where(r => facets.All(f => f.Id != r)))
        {
            Problem(1, $"den obligatoriska fasetten '{required}' saknas.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new Taxonomy([.. facets, .. DerivedFacets]), problems);
    }

    /// <summary>Facets filled from metadata rather than vocabularies; open ones have no listed values.</summary>
    public static IReadOnlyList<FacetDefinition> DerivedFacets { get; } =
    [
        new(FacetIds.Ar, "År", []),
        new(FacetIds.Utgivare, "Utgivare", []),
        new(FacetIds.Status, "Status",
        [
            new("gallande", "Gällande", []),
            new("ersatt", "Ersatt", []),
            new("upphavd", "Upphävd", []),
        ]),
    ];

    private static FacetDefinition? ReadFacet(YamlNode node, Action<int, string> problem)
    {
        if (node is not YamlMapping map)
        {
            problem(node.Line, "varje fasett ska ha raderna 'id:', 'namn:' och 'värden:'.");
            return null;
        }

        foreach (var entry in map.Entries.Where(e => !IsKey(e.Key, "id", "namn", "värden", "varden")))
        {
            problem(entry.Line, $"okänd nyckel '{entry.Key}' i en fasett (tillåtna: id, namn, värden).");
        }

        var id = ReadSlug(map, problem, "fasetten");
        var label = ReadText(map, "namn", problem, "fasetten");
        if (id is not null && FacetIds.Derived.Contains(id))
        {
            problem(map.Line, $"fasetten '{id}' hämtas från dokumentens uppgifter och får inte stå i taxonomin.");
            return null;
        }

        var values = new List<FacetValue>();
        var valuesEntry = map.Find("värden", "varden");
        if (valuesEntry?.Value is not YamlSequence valueNodes || valueNodes.Items.Count == 0)
        {
            problem(valuesEntry?.Line ?? map.Line, $"fasetten '{id}' saknar 'värden:' (en lista med minst ett värde).");
        }
        else
        {
            foreach (var valueNode in valueNodes.Items)
            {
                var value = ReadValue(valueNode, problem);
                if (value is null)
                {
                    continue;
                }

                if (values.Any(v => v.Id == value.Id))
                {
                    problem(valueNode.Line, $"värdet '{value.Id}' finns redan i fasetten '{id}'.");
                    continue;
                }

                values.Add(value);
            }
        }

        return id is null || label is null ? null : new FacetDefinition(id, label, values);
    }

    private static FacetValue? ReadValue(YamlNode node, Action<int, string> problem)
    {
        if (node is not YamlMapping map)
        {
            problem(node.Line, "varje värde ska ha raderna 'id:', 'namn:' och gärna 'triggerord:'.");
            return null;
        }

        foreach (var entry in map.Entries.Where(e => !IsKey(e.Key, "id", "namn", "triggerord")))
        {
            problem(entry.Line, $"okänd nyckel '{entry.Key}' i ett värde (tillåtna: id, namn, triggerord).");
        }

        var id = ReadSlug(map, problem, "värdet");
        var label = ReadText(map, "namn", problem, "värdet");
        var triggers = new List<string>();
        var triggerEntry = map.Find("triggerord");
        switch (triggerEntry?.Value)
        {
            case null:
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar { Value.Length: > 0 } scalar)
                    {
                        triggers.Add(scalar.Value.Trim());
                    }
                    else
                    {
                        problem(item.Line, "ett triggerord ska vara ett ord eller uttryck på en rad.");
                    }
                }

                break;
            case YamlScalar scalar:
                triggers.AddRange(scalar.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                break;
            default:
                problem(triggerEntry.Line, "triggerord skrivs som en lista: [ord, ord].");
                break;
        }

        return id is null || label is null ? null : new FacetValue(id, label, triggers);
    }

    private static string? ReadSlug(YamlMapping map, Action<int, string> problem, string what)
    {
        var text = ReadText(map, "id", problem, what);
        if (text is null)
        {
            return null;
        }

        if (!Slug.IsValid(text))
        {
            problem(map.Find("id")!.Line, $"id '{text}' är ogiltigt; använd små bokstäver a–z, siffror och bindestreck (t.ex. '{Slug.From(text)}').");
            return null;
        }

        return text;
    }

    private static string? ReadText(YamlMapping map, string key, Action<int, string> problem, string what)
    {
        var entry = map.Find(key);
        if (entry?.Value is YamlScalar { Value.Length: > 0 } scalar)
        {
            return scalar.Value.Trim();
        }

        problem(entry?.Line ?? map.Line, $"{what} saknar '{key}:'.");
        return null;
    }

    private static bool IsKey(string key, params string[] names) => names.Contains(key.ToLowerInvariant());
}
