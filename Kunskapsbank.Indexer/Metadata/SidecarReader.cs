namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Reads an editor's `.meta.yml` sidecar; every bad line becomes a problem and the valid lines still count.</summary>
internal sealed class SidecarReader(Taxonomy taxonomy)
{
    /// <summary>Sidecars are a handful of lines; anything bigger is a mistake, not metadata.</summary>
    private const long MaxBytes = 64 * 1024;

    /// <summary>A garbage file would otherwise flood the report with one line per line.</summary>
    private const int MaxProblems = 20;

    private readonly MetadataFieldReader _fields = new(taxonomy);

    public MetadataClaims Read(string sidecarPath)
    {
        var name = Path.GetFileName(sidecarPath);
        var claims = new MetadataClaims(TagSource.Sidecar, $"sidofilen {name}");
        var text = MetadataFile.Read(sidecarPath, MaxBytes, out var reason);
        if (text is null)
        {
            claims.Problems.Add($"{name}: sidofilen {reason}.");
            return claims;
        }

        return Parse(text, name, claims);
    }

    /// <summary>Interprets sidecar text; <paramref name="name"/> is the file name used in problems.</summary>
    public MetadataClaims Parse(string text, string name, MetadataClaims? into = null)
    {
        var claims = into ?? new MetadataClaims(TagSource.Sidecar, $"sidofilen {name}");
        var parsed = YamlReader.Parse(text);
        foreach (var error in parsed.Errors)
        {
            claims.Problems.Add($"{name} rad {error.Line}: {error.Message}");
        }

        foreach (var entry in parsed.Root.Entries)
        {
            var where = $"{name} rad {entry.Line}";
            var values = entry.Texts;
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

        if (claims.Problems.Count > MaxProblems)
        {
            var more = claims.Problems.Count - MaxProblems;
            claims.Problems.RemoveRange(MaxProblems, more);
            claims.Problems.Add($"{name}: ytterligare {more} fel visas inte. Är det verkligen en sidofil?");
        }

        return claims;
    }
}
