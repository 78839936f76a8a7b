using System.Text;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Reads the strict YAML subset of the taxonomy and sidecar files; never throws, reports bad lines by number.</summary>
/// <remarks>
/// No YAML package restores here, and editors need only block mappings, `- item` lists, `[a, b]` lists,
/// quoted or plain one-line values and `#` comments. Anything else (tabs, multi-line values, `{}` maps)
/// is an error on its line rather than a guess, and the rest of the file is still read.
/// </remarks>
public sealed class SimpleYamlParser
{
    private readonly List<SourceLine> _lines;
    private readonly List<YamlError> _errors = [];
    private int _pos;
    private int _depth;

    /// <summary>The taxonomy needs four levels; anything far deeper is a mistake or an attack.</summary>
    private const int MaxDepth = 16;

    private SimpleYamlParser(List<SourceLine> lines) => _lines = lines;

    /// <summary>Parses <paramref name="text"/>; the root is always a mapping (empty when nothing could be read).</summary>
    public static YamlParseResult Parse(string text)
    {
        var errors = new List<YamlError>();
        var parser = new SimpleYamlParser(SplitLines(text, errors));
        parser._errors.AddRange(errors);
        var root = parser.ParseRoot();
        return new YamlParseResult(root, parser._errors.OrderBy(e => e.Line).ToList());
    }

    private YamlMapping ParseRoot()
    {
        if (_lines.Count == 0)
        {
            return new YamlMapping(1, []);
        }

        var indent = _lines[0].Indent;
        var root = ParseMapping(indent);
        while (_pos < _lines.Count)
        {
            // Only lines indented less than the first one can be left over.
            _errors.Add(new YamlError(_lines[_pos].Number, "raden har mindre indrag än filens första rad."));
            _pos++;
            SkipDeeperThan(_lines[_pos - 1].Indent);
        }

        return root;
    }

    private YamlNode ParseBlock(int indent)
    {
        if (_depth >= MaxDepth)
        {
            // Recursion per level: a hostile file must not be able to exhaust the stack.
            var line = _lines[_pos].Number;
            _errors.Add(new YamlError(line, $"för många nivåer av indrag (högst {MaxDepth})."));
            SkipDeeperThan(indent - 1);
            return new YamlMapping(line, []);
        }

        _depth++;
        try
        {
            return IsSequenceItem(_lines[_pos].Content) ? ParseSequence(indent) : ParseMapping(indent);
        }
        finally
        {
            _depth--;
        }
    }

    private YamlMapping ParseMapping(int indent)
    {
        var startLine = _lines[_pos].Number;
        var entries = new List<YamlEntry>();
        while (_pos < _lines.Count && _lines[_pos].Indent >= indent)
        {
            var line = _lines[_pos];
            if (line.Indent > indent)
            {
                _errors.Add(new YamlError(line.Number, "oväntat indrag; raden hör inte till något ovanför."));
                _pos++;
                continue;
            }

            if (IsSequenceItem(line.Content))
            {
                _errors.Add(new YamlError(line.Number, "en listrad ('- …') väntades inte här; skriv 'nyckel: värde'."));
                _pos++;
                SkipDeeperThan(indent);
                continue;
            }

            var colon = FindKeyColon(line.Content);
            if (colon < 0)
            {
                _errors.Add(new YamlError(line.Number, $"raden saknar kolon; skriv 'nyckel: värde' (\"{Shorten(line.Content)}\")."));
                _pos++;
                SkipDeeperThan(indent);
                continue;
            }

            var key = line.Content[..colon].Trim();
            var rest = line.Content[(colon + 1)..].Trim();
            _pos++;
            YamlNode? value = null;
            if (rest.Length > 0)
            {
                value = ParseInlineValue(rest, line.Number);
                if (_pos < _lines.Count && _lines[_pos].Indent > indent)
                {
                    _errors.Add(new YamlError(_lines[_pos].Number, $"oväntat indrag; '{key}' har redan ett värde på rad {line.Number}."));
                    SkipDeeperThan(indent);
                }
            }
            else if (_pos < _lines.Count && _lines[_pos].Indent > indent)
            {
                value = ParseBlock(_lines[_pos].Indent);
            }
            else if (_pos < _lines.Count && _lines[_pos].Indent == indent && IsSequenceItem(_lines[_pos].Content))
            {
                // "key:" followed by "- a" at the same indentation is valid YAML and common by hand.
                value = ParseSequence(indent);
            }

            if (key.Length == 0)
            {
                _errors.Add(new YamlError(line.Number, "nyckeln före kolonet saknas."));
                continue;
            }

            var earlier = entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
            if (earlier is not null)
            {
                _errors.Add(new YamlError(line.Number, $"'{key}' står redan på rad {earlier.Line}; den senare raden används inte."));
                continue;
            }

            entries.Add(new YamlEntry(line.Number, key, value));
        }

        return new YamlMapping(startLine, entries);
    }

    private YamlSequence ParseSequence(int indent)
    {
        var startLine = _lines[_pos].Number;
        var items = new List<YamlNode>();
        while (_pos < _lines.Count && _lines[_pos].Indent == indent && IsSequenceItem(_lines[_pos].Content))
        {
            var line = _lines[_pos];
            var content = line.Content[1..];
            var inner = content.TrimStart();
            var innerIndent = indent + 1 + (content.Length - inner.Length);
            if (inner.Length == 0)
            {
                _pos++;
                if (_pos < _lines.Count && _lines[_pos].Indent > indent)
                {
                    items.Add(ParseBlock(_lines[_pos].Indent));
                }
                else
                {
                    _errors.Add(new YamlError(line.Number, "tom listrad ('-' utan värde)."));
                }

                continue;
            }

            if (!StartsFlowOrQuote(inner) && FindKeyColon(inner) >= 0)
            {
                // "- id: x" starts a mapping whose further keys line up under "id".
                _lines[_pos] = line with { Indent = innerIndent, Content = inner };
                items.Add(ParseMapping(innerIndent));
                continue;
            }

            _pos++;
            items.Add(ParseInlineValue(inner, line.Number));
            if (_pos < _lines.Count && _lines[_pos].Indent > indent)
            {
                _errors.Add(new YamlError(_lines[_pos].Number, $"oväntat indrag under listraden på rad {line.Number}."));
                SkipDeeperThan(indent);
            }
        }

        return new YamlSequence(startLine, items, Flow: false);
    }

    private YamlNode ParseInlineValue(string text, int lineNumber)
    {
        if (text.StartsWith('['))
        {
            if (!text.EndsWith(']'))
            {
                _errors.Add(new YamlError(lineNumber, "listan saknar avslutande ']'; skriv hela listan på en rad: [a, b]."));
                return new YamlSequence(lineNumber, [], Flow: true);
            }

            var items = new List<YamlNode>();
            foreach (var part in SplitFlowItems(text[1..^1]))
            {
                var item = part.Trim();
                if (item.Length > 0)
                {
                    items.Add(ParseScalar(item, lineNumber));
                }
            }

            return new YamlSequence(lineNumber, items, Flow: true);
        }

        if (text.StartsWith('{'))
        {
            _errors.Add(new YamlError(lineNumber, "värden inom {…} stöds inte; skriv en 'nyckel: värde'-rad per uppgift."));
            return new YamlScalar(lineNumber, "", Quoted: false);
        }

        if (text is "|" or ">" or "|-" or ">-")
        {
            _errors.Add(new YamlError(lineNumber, "flerradiga värden stöds inte; skriv värdet på samma rad som nyckeln."));
            return new YamlScalar(lineNumber, "", Quoted: false);
        }

        return ParseScalar(text, lineNumber);
    }

    private YamlScalar ParseScalar(string text, int lineNumber)
    {
        if (text.Length > 0 && (text[0] == '"' || text[0] == '\''))
        {
            var quote = text[0];
            if (text.Length < 2 || text[^1] != quote)
            {
                _errors.Add(new YamlError(lineNumber, $"citattecknet {quote} avslutas inte på raden."));
                return new YamlScalar(lineNumber, text.Trim(quote), Quoted: true);
            }

            var inner = text[1..^1];
            inner = quote == '"'
                ? inner.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
                : inner.Replace("''", "'", StringComparison.Ordinal);
            return new YamlScalar(lineNumber, inner, Quoted: true);
        }

        return new YamlScalar(lineNumber, text, Quoted: false);
    }

    private void SkipDeeperThan(int indent)
    {
        while (_pos < _lines.Count && _lines[_pos].Indent > indent)
        {
            _pos++;
        }
    }

    private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

    private static bool StartsFlowOrQuote(string content) => content[0] is '[' or '"' or '\'';

    /// <summary>The colon that ends a key: followed by a space or the end of the line, outside quotes.</summary>
    private static int FindKeyColon(string content)
    {
        if (StartsFlowOrQuote(content))
        {
            return -1;
        }

        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> SplitFlowItems(string text)
    {
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is null && (c == '"' || c == '\'') && current.ToString().Trim().Length == 0)
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c == ',')
            {
                yield return current.ToString();
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        yield return current.ToString();
    }

    private static List<SourceLine> SplitLines(string text, List<YamlError> errors)
    {
        var lines = new List<SourceLine>();
        var raw = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var number = i + 1;
            var line = StripComment(raw[i].TrimEnd('\r')).TrimEnd();
            var content = line.TrimStart(' ');
            if (content.Length == 0 || content == "---")
            {
                continue;
            }

            if (content[0] == '\t')
            {
                errors.Add(new YamlError(number, "indraget innehåller tabb; använd mellanslag."));
                continue;
            }

            lines.Add(new SourceLine(number, line.Length - content.Length, content));
        }

        return lines;
    }

    /// <summary>Cuts a `#` comment that starts the line or follows a space, unless it sits inside quotes.</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var atWordStart = i == 0 || line[i - 1] is ' ' or '\t' or '[' or ',' or ':';
            if (quote is null && (c == '"' || c == '\'') && atWordStart)
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c == '#' && (i == 0 || line[i - 1] is ' ' or '\t'))
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>A line quoted in a message: short, and without control characters that would garble the report.</summary>
    private static string Shorten(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= 40 ? clean : clean[..40] + "…";
    }

    private readonly record struct SourceLine(int Number, int Indent, string Content);
}
