namespace Kunskapsbank.Indexer.Metadata;

/// <summary>A node of the YAML editors write (mappings, lists, text values), with the line it starts on.</summary>
public abstract record YamlNode(int Line);

/// <summary>A text value; <see cref="Quoted"/> is true when the editor wrote it in quotes.</summary>
public sealed record YamlScalar(int Line, string Value, bool Quoted) : YamlNode(Line);

/// <summary>A list, written as `- item` lines or as `[a, b]`.</summary>
public sealed record YamlSequence(int Line, IReadOnlyList<YamlNode> Items, bool Flow) : YamlNode(Line);

/// <summary>`key: value` pairs at one level, in file order.</summary>
public sealed record YamlMapping(int Line, IReadOnlyList<YamlEntry> Entries) : YamlNode(Line)
{
    /// <summary>The entry whose key (lower-cased) is one of <paramref name="keys"/>, or null.</summary>
    public YamlEntry? Find(params string[] keys) =>
        Entries.FirstOrDefault(e => keys.Contains(e.Key.ToLowerInvariant()));
}

/// <summary>One `key: value` pair; <see cref="Value"/> is null when nothing follows the colon.</summary>
public sealed record YamlEntry(int Line, string Key, YamlNode? Value)
{
    /// <summary>The value as texts: none for an empty value, one for a text, the items of a list of texts;
    /// null when the value is anything else (a nested mapping, a list of lists).</summary>
    public IReadOnlyList<string>? Texts => Value switch
    {
        null => [],
        YamlScalar scalar => [scalar.Value],
        YamlSequence sequence when sequence.Items.All(i => i is YamlScalar) =>
            sequence.Items.Cast<YamlScalar>().Select(s => s.Value).ToArray(),
        _ => null,
    };
}

/// <summary>A parsed document and the Swedish errors of the lines that could not be read (those lines are left out).</summary>
public sealed record YamlParseResult(YamlMapping Root, IReadOnlyList<YamlError> Errors);

/// <summary>An error on one line, in Swedish.</summary>
public sealed record YamlError(int Line, string Message);
