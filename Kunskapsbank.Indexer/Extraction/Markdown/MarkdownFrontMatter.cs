using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>A Markdown file's YAML front matter as fields, read by the same <see cref="YamlReader"/> as sidecars.</summary>
/// <param name="Fields">Keys in lower case; a text is a one-item list, a list keeps its items.</param>
/// <param name="Problems">Swedish notes naming the file's line ("Rad 3 i metadatablocket: …"); the rest is still used.</param>
public sealed record MarkdownFrontMatter(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<string> Problems)
{
    /// <summary>Front matter is a few lines; a larger block is a mistake or an attack and is not read.</summary>
    public const int MaxChars = 64 * 1024;

    /// <summary>Reads the block's YAML; <paramref name="firstLine"/> is the file line (1-based) of its first YAML line.</summary>
    public static MarkdownFrontMatter Read(string yaml, int firstLine)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (yaml.Length > MaxChars)
        {
            return new MarkdownFrontMatter(fields, ["Metadatablocket i början av filen är större än 64 kB och lästes inte."]);
        }

        var parsed = YamlReader.Parse(yaml, firstLine: firstLine);
        var problems = parsed.Errors.Select(e => Problem(e.Line, e.Message)).ToList();
        foreach (var entry in parsed.Root.Entries)
        {
            if (entry.Texts is { } values)
            {
                fields[entry.Key.ToLowerInvariant()] = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
            }
            else
            {
                problems.Add(Problem(entry.Line, $"'{entry.Key}' ska ha ett värde på samma rad eller en lista: [a, b]."));
            }
        }

        return new MarkdownFrontMatter(fields, problems);

        static string Problem(int line, string message) => $"Rad {line} i metadatablocket: {message}";
    }
}
