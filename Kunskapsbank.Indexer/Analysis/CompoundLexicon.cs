namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Which places in a compound a dictionary form may take.</summary>
[Flags]
public enum CompoundRoles
{
    /// <summary>No compound role.</summary>
    None = 0,

    /// <summary>May begin a compound (hunspell flag X, or a linking form such as "vålds").</summary>
    Begin = 1,

    /// <summary>May be a middle part (hunspell flag U).</summary>
    Middle = 2,

    /// <summary>May end a compound, in any inflected form (hunspell flag Y on its root).</summary>
    End = 4,

    /// <summary>A free root word without compound flags: a weaker, penalised candidate part.</summary>
    Root = 8,
}

/// <summary>The word forms compound splitting may use, with their roles and dictionary (lemma) forms.</summary>
/// <remarks>
/// Data: Resources/analysis/compound-lexicon.tsv.gz, generated from hunspell-sv (LGPL-3) by
/// tools/build-compound-lexicon.py, plus compound-blocklists.txt (general prefix/suffix rules).
/// </remarks>
public sealed class CompoundLexicon
{
    // The decompressed file as UTF-8 bytes, lines sorted by form (byte order = code point order), and where each line
    // starts. Binary search over this loads several times faster than building a dictionary of 450,000 strings.
    private readonly byte[] _data;
    private readonly int[] _lineStarts;

    // Longer strings are no Swedish word form; it also bounds the stack buffer of a look-up.
    private const int MaxFormLength = 100;

    private CompoundLexicon(
        byte[] data, int[] lineStarts, HashSet<string> prefixes, HashSet<string> suffixes, HashSet<string> badEndings)
    {
        _data = data;
        _lineStarts = lineStarts;
        Prefixes = prefixes;
        Suffixes = suffixes;
        BadEndings = badEndings;
    }

    /// <summary>Particles and prefixes that never begin a compound part (över, för, sam ...).</summary>
    public IReadOnlySet<string> Prefixes { get; }

    /// <summary>Derivational endings that are never a part of their own (het, dom, skap ...).</summary>
    public IReadOnlySet<string> Suffixes { get; }

    /// <summary>Inflectional tails that look like words but never end a compound (ska, liga ...).</summary>
    public IReadOnlySet<string> BadEndings { get; }

    /// <summary>Number of forms in the lexicon.</summary>
    public int Count => _lineStarts.Length;

    /// <summary>Loads the embedded lexicon and block lists.</summary>
    public static CompoundLexicon Load()
    {
        var buffer = new MemoryStream(16 << 20);
        using (var stream = AnalysisResources.Open("compound-lexicon.tsv.gz"))
        {
            stream.CopyTo(buffer);
        }

        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).ToArray();
        var starts = LineStarts(data);
        var sections = ReadSections("compound-blocklists.txt");
        return new CompoundLexicon(data, starts, sections["prefixes"], sections["suffixes"], sections["bad-endings"]);
    }

    private static int[] LineStarts(byte[] data)
    {
        var span = data.AsSpan();
        var starts = new int[span.Count((byte)'\n') + 1];
        var count = 0;
        var position = 0;
        while (position < data.Length)
        {
            var end = span[position..].IndexOf((byte)'\n');
            end = end < 0 ? data.Length : position + end;
            if (end > position && data[position] != (byte)'#')
            {
                starts[count++] = position;
            }

            position = end + 1;
        }

        return starts[..count];
    }

    /// <summary>Looks up a lower-case form; the lemma is the form itself when the lexicon gives none.</summary>
    public bool TryGet(string form, out CompoundRoles roles, out string lemma)
    {
        ArgumentNullException.ThrowIfNull(form);
        (roles, lemma) = (CompoundRoles.None, form);
        if (Find(form) is not { } line)
        {
            return false;
        }

        Fields(_data.AsSpan(line.Start, line.Length), out var roleLetters, out var lemmaBytes);
        roles = ParseRoles(roleLetters);
        if (lemmaBytes.Length > 0)
        {
            lemma = System.Text.Encoding.UTF8.GetString(lemmaBytes);
        }

        return true;
    }

    /// <summary>True when <paramref name="form"/> is listed with exactly <paramref name="lemma"/> as its dictionary form.</summary>
    public bool IsFormOf(ReadOnlySpan<char> form, ReadOnlySpan<char> lemma)
    {
        if (Find(form) is not { } line || lemma.Length > MaxFormLength)
        {
            return false;
        }

        Fields(_data.AsSpan(line.Start, line.Length), out _, out var lemmaBytes);
        Span<byte> expected = stackalloc byte[lemma.Length * 3];
        expected = expected[..System.Text.Encoding.UTF8.GetBytes(lemma, expected)];
        return lemmaBytes.Length > 0 && lemmaBytes.SequenceEqual(expected);
    }

    // The line of a form (start and length in _data), by binary search over the UTF-8 bytes.
    private (int Start, int Length)? Find(ReadOnlySpan<char> form)
    {
        if (form.Length > MaxFormLength)
        {
            return null;
        }

        Span<byte> key = stackalloc byte[form.Length * 3];
        key = key[..System.Text.Encoding.UTF8.GetBytes(form, key)];
        int lo = 0, hi = _lineStarts.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var line = Line(mid);
            var tab = line.IndexOf((byte)'\t');
            var order = line[..tab].SequenceCompareTo(key);
            if (order == 0)
            {
                return (_lineStarts[mid], line.Length);
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    // A line is form<TAB>roles<TAB>lemma (the lemma may be empty).
    private static void Fields(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> roles, out ReadOnlySpan<byte> lemma)
    {
        var rest = line[(line.IndexOf((byte)'\t') + 1)..];
        var tab = rest.IndexOf((byte)'\t');
        roles = rest[..tab];
        lemma = rest[(tab + 1)..];
    }

    private ReadOnlySpan<byte> Line(int index)
    {
        var start = _lineStarts[index];
        var end = _data.AsSpan(start).IndexOf((byte)'\n');
        return end < 0 ? _data.AsSpan(start) : _data.AsSpan(start, end);
    }

    private static CompoundRoles ParseRoles(ReadOnlySpan<byte> letters)
    {
        var roles = CompoundRoles.None;
        foreach (var letter in letters)
        {
            roles |= letter switch
            {
                (byte)'B' => CompoundRoles.Begin,
                (byte)'M' => CompoundRoles.Middle,
                (byte)'E' => CompoundRoles.End,
                (byte)'R' => CompoundRoles.Root,
                _ => CompoundRoles.None,
            };
        }

        return roles;
    }

    private static Dictionary<string, HashSet<string>> ReadSections(string fileName)
    {
        var sections = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in AnalysisResources.DataLines(fileName))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = new HashSet<string>(StringComparer.Ordinal);
                sections[line[1..^1]] = current;
                continue;
            }

            current.UnionWith(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return sections;
    }
}
