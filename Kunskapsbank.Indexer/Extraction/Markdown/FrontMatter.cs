using System.Text;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>A YAML front-matter block: its fields (lists kept as lists) and the problems found in it.</summary>
/// <param name="Fields">Keys in lower case; a scalar is a one-item list.</param>
/// <param name="Problems">Swedish descriptions of lines that could not be read; the rest is still used.</param>
/// <param name="BodyStart">Index in the text where the Markdown body starts.</param>
public sealed record FrontMatter(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields,
    IReadOnlyList<string> Problems,
    int BodyStart)
{
    /// <summary>Reads the block at the very start of <paramref name="text"/>, or returns null when there is none.</summary>
    /// <remarks>The YAML subset editors and the benchmark corpus write: <c>key: value</c>, double- or single-quoted
    /// strings, flow lists <c>[a, "b"]</c>, block lists <c>- a</c>, and comments. Anything else is a problem, not a failure.</remarks>
    public static FrontMatter? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new LineReader(text);
        if (!lines.TryNext(out var first, out _) || first.TrimEnd() != "---")
        {
            return null;
        }

        var block = new List<(string Line, int Number)>();
        var number = 1;
        var closed = false;
        while (lines.TryNext(out var line, out _))
        {
            number++;
            var trimmed = line.TrimEnd();
            if (trimmed is "---" or "...")
            {
                closed = true;
                break;
            }

            block.Add((line, number));
        }

        if (!closed)
        {
            // Without a closing line this was a thematic break, not front matter: the whole file is body.
            return new FrontMatter(
                new Dictionary<string, IReadOnlyList<string>>(),
                ["Metadatablocket i början av filen saknar en avslutande rad med ---; blocket lästes som vanlig text."],
                0);
        }

        var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        string? listKey = null;
        List<string>? listValues = null;
        foreach (var (line, lineNumber) in block)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
            {
                if (listValues is null)
                {
                    problems.Add($"Rad {lineNumber} i metadatablocket är ett listvärde utan nyckel: \"{trimmed}\".");
                    continue;
                }

                if (TryParseScalar(trimmed[1..].Trim(), out var item, out var error))
                {
                    if (item.Length > 0)
                    {
                        listValues.Add(item);
                    }
                }
                else
                {
                    problems.Add($"Rad {lineNumber} i metadatablocket: {error}");
                }

                continue;
            }

            CloseList();
            var colon = FindKeyColon(trimmed);
            if (colon <= 0)
            {
                problems.Add($"Rad {lineNumber} i metadatablocket kunde inte tolkas (väntade \"nyckel: värde\"): \"{trimmed}\".");
                continue;
            }

            var key = trimmed[..colon].Trim().Trim('"', '\'').ToLowerInvariant();
            var value = trimmed[(colon + 1)..].Trim();
            if (value.Length == 0)
            {
                // A block list may follow; an empty key with no items stays an empty list.
                listKey = key;
                listValues = [];
                continue;
            }

            if (value.StartsWith('['))
            {
                if (TryParseFlowList(value, out var items, out var error))
                {
                    fields[key] = items;
                }
                else
                {
                    problems.Add($"Rad {lineNumber} i metadatablocket ({key}): {error}");
                }

                continue;
            }

            if (TryParseScalar(value, out var scalar, out var scalarError))
            {
                fields[key] = [scalar];
            }
            else
            {
                problems.Add($"Rad {lineNumber} i metadatablocket ({key}): {scalarError}");
            }
        }

        CloseList();
        return new FrontMatter(fields, problems, lines.Position);

        void CloseList()
        {
            if (listKey is not null && listValues is not null)
            {
                fields[listKey] = listValues.ToArray();
            }

            listKey = null;
            listValues = null;
        }
    }

    private static int FindKeyColon(string line)
    {
        // "key: value" or "key:" – a colon inside a URL value ("https://") comes after the key's colon.
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ':' && (i + 1 == line.Length || line[i + 1] == ' ' || line[i + 1] == '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryParseFlowList(string value, out string[] items, out string error)
    {
        items = [];
        var list = new List<string>();
        var i = 1;
        while (true)
        {
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= value.Length)
            {
                error = "listan saknar avslutande ].";
                return false;
            }

            if (value[i] == ']')
            {
                var rest = value[(i + 1)..].Trim();
                if (rest.Length > 0 && !rest.StartsWith('#'))
                {
                    error = $"oväntad text efter listan: \"{rest}\".";
                    return false;
                }

                items = list.ToArray();
                error = string.Empty;
                return true;
            }

            string item;
            if (value[i] is '"' or '\'')
            {
                if (!TryReadQuoted(value, ref i, out item, out error))
                {
                    return false;
                }
            }
            else
            {
                var start = i;
                while (i < value.Length && value[i] is not (',' or ']'))
                {
                    i++;
                }

                item = value[start..i].Trim();
            }

            if (item.Length > 0)
            {
                list.Add(item);
            }

            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < value.Length && value[i] == ',')
            {
                i++;
            }
            else if (i < value.Length && value[i] != ']')
            {
                error = $"oväntat tecken '{value[i]}' i listan.";
                return false;
            }
        }
    }

    private static bool TryParseScalar(string value, out string result, out string error)
    {
        error = string.Empty;
        if (value.Length > 0 && value[0] is '"' or '\'')
        {
            var i = 0;
            if (!TryReadQuoted(value, ref i, out result, out error))
            {
                return false;
            }

            var rest = value[i..].Trim();
            if (rest.Length > 0 && !rest.StartsWith('#'))
            {
                error = $"oväntad text efter citattecknet: \"{rest}\".";
                return false;
            }

            return true;
        }

        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        result = (comment >= 0 ? value[..comment] : value).Trim();
        return true;
    }

    private static bool TryReadQuoted(string value, ref int i, out string result, out string error)
    {
        var quote = value[i];
        var builder = new StringBuilder();
        i++;
        while (i < value.Length)
        {
            var c = value[i];
            if (quote == '"' && c == '\\' && i + 1 < value.Length)
            {
                var next = value[i + 1];
                builder.Append(next switch
                {
                    'n' => '\n',
                    't' => '\t',
                    _ => next,
                });
                i += 2;
                continue;
            }

            if (c == quote)
            {
                // In single quotes, '' is an escaped quote.
                if (quote == '\'' && i + 1 < value.Length && value[i + 1] == '\'')
                {
                    builder.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                result = builder.ToString();
                error = string.Empty;
                return true;
            }

            builder.Append(c);
            i++;
        }

        result = string.Empty;
        error = $"citattecknet {quote} stängs aldrig.";
        return false;
    }

    private sealed class LineReader(string text)
    {
        public int Position { get; private set; }

        public bool TryNext(out string line, out int start)
        {
            start = Position;
            if (Position >= text.Length)
            {
                line = string.Empty;
                return false;
            }

            var end = text.IndexOf('\n', Position);
            if (end < 0)
            {
                line = text[Position..];
                Position = text.Length;
            }
            else
            {
                line = text[Position..end];
                Position = end + 1;
            }

            line = line.TrimEnd('\r');
            return true;
        }
    }
}
