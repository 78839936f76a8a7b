namespace Kunskapsbank.Indexer.Metadata;

/// <summary>A node of the small YAML subset editors write (mappings, lists, one-line values), with its line number.</summary>
public abstract record YamlNode(int Line);

/// <summary>A one-line value; <see cref="Quoted"/> is true when the editor wrote it in quotes.</summary>
public sealed record YamlScalar(int Line, string Value, bool Quoted) : YamlNode(Line);

/// <summary>A list, written as `- item` lines or as `[a, b]`.</summary>
public sealed record YamlSequence(int Line, IReadOnlyList<YamlNode> Items, bool Flow) : YamlNode(Line);

/// <summary>`key: value` lines at one indentation, in file order.</summary>
public sealed record YamlMapping(int Line, IReadOnlyList<YamlEntry> Entries) : YamlNode(Line)
{
    /// <summary>The entry whose key (lower-cased) is one of <paramref name="keys"/>, or null.</summary>
    public YamlEntry? Find(params string[] keys) =>
        Entries.FirstOrDefault(e => keys.Contains(e.Key.ToLowerInvariant()));
}

/// <summary>One `key: value` pair; <see cref="Value"/> is null when nothing follows the colon.</summary>
public sealed record YamlEntry(int Line, string Key, YamlNode? Value);

/// <summary>A parsed document and the Swedish errors of the lines that could not be read (those lines are left out).</summary>
public sealed record YamlParseResult(YamlMapping Root, IReadOnlyList<YamlError> Errors);

/// <summary>A syntax error on one line.</summary>
public sealed record YamlError(int Line, string Message);
