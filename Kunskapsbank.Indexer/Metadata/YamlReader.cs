namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Caps that keep a hostile YAML file cheap to refuse.</summary>
/// <param name="MaxChars">Longer text is not parsed at all (callers cap file sizes before reading; this is the last guard).</param>
/// <param name="MaxDepth">Nesting deeper than this is an error; the taxonomy needs four levels.</param>
/// <param name="MaxScalarChars">A longer value is dropped with an error: nobody writes a 4,000-character title.</param>
/// <param name="MaxNodes">More values than this and the file is not read: no metadata file is that large.</param>
/// <param name="MaxErrors">After this many syntax errors the rest of the file is dropped (each error costs a re-parse).</param>
public sealed record YamlLimits(int MaxChars, int MaxDepth, int MaxScalarChars, int MaxNodes, int MaxErrors)
{
    /// <summary>Sized for the shipped taxonomy (about 15 kB, 4 levels) with wide margins.</summary>
    public static YamlLimits Default { get; } = new(
        MaxChars: 1024 * 1024,
        MaxDepth: 16,
        MaxScalarChars: 4000,
        MaxNodes: 50_000,
        MaxErrors: 20);
}

/// <summary>The one YAML reader for the taxonomy, sidecar files and Markdown front matter: YamlDotNet's parser,
/// made tolerant of editors' mistakes line by line; never throws, reports bad lines by number in Swedish.</summary>
/// <remarks>
/// YamlDotNet stops at the first syntax error. To keep the good lines of a file with a bad one (as editors expect
/// of a sidecar), the line the error belongs to is reported, blanked and the text parsed again, up to
/// <see cref="YamlLimits.MaxErrors"/> times. Line numbers stay those of the file because lines are blanked, not removed.
/// Aliases are refused (no billion laughs), depth, value length and node count are capped (see <see cref="YamlLimits"/>).
/// </remarks>
public static class YamlReader
{
    /// <summary>Parses <paramref name="text"/>; the root is always a mapping (empty when nothing could be read).</summary>
    /// <param name="firstLine">The line of the file <paramref name="text"/> starts on (front matter starts on line 2),
    /// so that every line number, in messages too, is the file's.</param>
    public static YamlParseResult Parse(string text, YamlLimits? limits = null, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= YamlLimits.Default;
        if (text.Length > limits.MaxChars)
        {
            return Nothing(new YamlError(1, $"texten är för stor ({text.Length} tecken; högst {limits.MaxChars}) och lästes inte."));
        }

        var lines = Enumerable.Repeat(string.Empty, Math.Max(0, firstLine - 1))
            .Concat(text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
            .ToArray();
        var errors = new List<YamlError>();
        var repaired = new HashSet<int>();
        while (true)
        {
            var builder = new YamlTreeBuilder(limits);
            var root = builder.Build(string.Join('\n', lines));
            if (root is not null)
            {
                errors.AddRange(builder.Warnings);
                return new YamlParseResult(root, errors.OrderBy(e => e.Line).ToArray());
            }

            var failure = builder.Failure!;
            if (failure.Fatal)
            {
                errors.Add(new YamlError(failure.Line, failure.Message!));
                return new YamlParseResult(new YamlMapping(1, []), errors.OrderBy(e => e.Line).ToArray());
            }

            var diagnosis = YamlSyntaxErrors.Diagnose(lines, failure, builder.OpenFlowLine);
            if (diagnosis is null || errors.Count > limits.MaxErrors)
            {
                // Nothing left to blame: every line is already blank.
                return new YamlParseResult(new YamlMapping(1, []), errors.OrderBy(e => e.Line).ToArray());
            }

            var index = diagnosis.Line - 1;
            if (diagnosis.Repair is not null && repaired.Add(index))
            {
                // An unquoted value with ": " in it ("utgivare: Kommun: socialtjänsten"): the meaning is plain, so read it.
                lines[index] = diagnosis.Repair;
                continue;
            }

            errors.Add(new YamlError(diagnosis.Line, diagnosis.Message));
            if (errors.Count >= limits.MaxErrors)
            {
                errors.Add(new YamlError(diagnosis.Line, $"för många fel (mer än {limits.MaxErrors}); filen lästes inte från rad {diagnosis.Line}."));
                Array.Fill(lines, string.Empty, index, lines.Length - index);
                continue;
            }

            Blank(lines, index, diagnosis.WithDeeperLines);
        }
    }

    private static YamlParseResult Nothing(YamlError error) => new(new YamlMapping(1, []), [error]);

    /// <summary>Blanks the bad line and, when asked, the more-indented lines under it (they belonged to it).</summary>
    private static void Blank(string[] lines, int index, bool withDeeperLines)
    {
        var indent = Indent(lines[index]);
        lines[index] = string.Empty;
        for (var i = index + 1; withDeeperLines && i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            if (Indent(lines[i]) <= indent)
            {
                return;
            }

            lines[i] = string.Empty;
        }
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
