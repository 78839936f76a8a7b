namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Reads an editor's `.meta.yml` sidecar; every bad line becomes a problem and the valid lines still count.</summary>
internal sealed class SidecarReader(Taxonomy taxonomy)
{
    /// <summary>Sidecars are a handful of lines; anything bigger is a mistake, not metadata.</summary>
    private const long MaxBytes = 64 * 1024;

    private readonly MetadataFieldReader _fields = new(taxonomy);

    public MetadataClaims Read(string sidecarPath)
    {
        var name = Path.GetFileName(sidecarPath);
        var claims = new MetadataClaims(TagSource.Sidecar, $"sidofilen {name}");
        string text;
        try
        {
            if (new FileInfo(sidecarPath).Length > MaxBytes)
            {
                claims.Problems.Add($"{name}: sidofilen är större än 64 kB och lästes inte.");
                return claims;
            }

            text = File.ReadAllText(sidecarPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            claims.Problems.Add($"{name}: sidofilen kunde inte läsas ({e.Message}).");
            return claims;
        }

        return Parse(text, name, claims);
    }

    /// <summary>Interprets sidecar text; <paramref name="name"/> is the file name used in problems.</summary>
    public MetadataClaims Parse(string text, string name, MetadataClaims? into = null)
    {
        var claims = into ?? new MetadataClaims(TagSource.Sidecar, $"sidofilen {name}");
        var parsed = SimpleYamlParser.Parse(text);
        foreach (var error in parsed.Errors)
        {
            claims.Problems.Add($"{name} rad {error.Line}: {error.Message}");
        }

        foreach (var entry in parsed.Root.Entries)
        {
            var where = $"{name} rad {entry.Line}";
            var values = ValuesOf(entry.Value);
            if (values is null)
            {
                claims.Problems.Add($"{where}: '{entry.Key}' ska ha ett värde på samma rad eller en lista med '- värde'.");
                continue;
            }

            if (!_fields.Apply(claims, entry.Key, values, where))
            {
                claims.Problems.Add($"{where}: okänd nyckel '{entry.Key}' (tillåtna: {MetadataFieldReader.KnownKeysText}).");
            }
        }

        return claims;
    }

    private static List<string>? ValuesOf(YamlNode? node) => node switch
    {
        null => [],
        YamlScalar scalar => [scalar.Value],
        YamlSequence sequence when sequence.Items.All(i => i is YamlScalar) =>
            sequence.Items.Cast<YamlScalar>().Select(s => s.Value).ToList(),
        _ => null,
    };
}
