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
    // The decompressed file as UTF-8 bytes and where each line starts, plus an open-addressing table from a form's hash
    // to its line: an entry is the line index + 1 (0 is empty) in its low bits and 11 other bits of the hash above
    // them, so a probe that meets another form rarely reads that form's line. Loads several times faster than a
    // dictionary of 500,000 strings, and a look-up is one hash and a probe or two: the binary search it replaced took
    // ~19 steps, each scanning a line, and splitting a word makes dozens of look-ups (27 µs a new word, 7 % of a first
    // build's CPU at 10,000 documents).
    private readonly byte[] _data;
    private readonly int[] _lineStarts;
    private readonly int[] _table;

    // Longer strings are no Swedish word form; it also bounds the stack buffer of a look-up.
    private const int MaxFormLength = 100;

    // A table entry's line part: up to 2^20 - 1 lines (the lexicon has about 510,000). The hash is never negative, so
    // `hash & ~LineMask` is the 11 bits above it that an entry keeps as its check.
    private const int LineMask = (1 << 20) - 1;

    private CompoundLexicon(
        byte[] data, int[] lineStarts, HashSet<string> prefixes, HashSet<string> suffixes, HashSet<string> badEndings)
    {
        _data = data;
        _lineStarts = lineStarts;
        _table = BuildTable(data, lineStarts);
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

    // The line of a form (start and length in _data), through the hash table.
    private (int Start, int Length)? Find(ReadOnlySpan<char> form)
    {
        if (form.Length > MaxFormLength)
        {
            return null;
        }

        Span<byte> key = stackalloc byte[form.Length * 3];
        key = key[..System.Text.Encoding.UTF8.GetBytes(form, key)];
        var mask = _table.Length - 1;
        var hash = Hash(key);
        var check = hash & ~LineMask;
        for (var slot = hash & mask; _table[slot] != 0; slot = (slot + 1) & mask)
        {
            if ((_table[slot] & ~LineMask) != check)
            {
                continue;
            }

            var index = (_table[slot] & LineMask) - 1;
            var line = Line(index);
            if (line[..line.IndexOf((byte)'\t')].SequenceEqual(key))
            {
                return (_lineStarts[index], line.Length);
            }
        }

        return null;
    }

    // At most half full, so a probe sequence stays short.
    private static int[] BuildTable(byte[] data, int[] lineStarts)
    {
        if (lineStarts.Length >= LineMask)
        {
            throw new InvalidDataException($"The compound lexicon has {lineStarts.Length} lines; the look-up table holds {LineMask - 1}.");
        }

        var table = new int[Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)lineStarts.Length * 2))];
        var mask = table.Length - 1;
        for (var i = 0; i < lineStarts.Length; i++)
        {
            var rest = data.AsSpan(lineStarts[i]);
            var tab = rest.IndexOf((byte)'\t');
            if (tab < 0)
            {
                continue;
            }

            var hash = Hash(rest[..tab]);
            var slot = hash & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = (hash & ~LineMask) | (i + 1);
        }

        return table;
    }

    // FNV-1a with a final mix, so the low bits the table uses depend on every byte.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7fffffff);
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
