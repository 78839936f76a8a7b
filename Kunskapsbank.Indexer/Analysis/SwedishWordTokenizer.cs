using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Splits text into words, numbers, legal references and "§", with offsets into the original text.</summary>
/// <remarks>
/// A word is a run of letters, digits and combining marks. Soft hyphens and zero-width characters inside it are
/// dropped from the term but covered by the offsets. A hyphen between two word characters joins a hyphenated word:
/// it is emitted whole (hyphen removed, type <see cref="SwedishTokenTypes.Joined"/>) plus its parts (type
/// <see cref="SwedishTokenTypes.Part"/>, position increment 0). ':' and '/' between digits join a reference such as
/// 1982:316 or 2022/23:34 into one term, again followed by its numbers as parts. Each run of '§' is the term "§", so
/// "14 kap. 1 §" is the phrase 14 · kap · 1 · §. Terms therefore hold letters, digits and only ':' '/' '§'.
/// Each term is NFC; case is kept (later filters need it). Lone surrogates, emoji and control characters separate
/// words; letters outside the Basic Multilingual Plane are letters.
/// Written by hand because no Lucene tokenizer has these rules: StandardTokenizer splits "1982:316" and hyphenated
/// words without keeping them whole, and none drops soft hyphens while keeping offsets.
/// The whole input is read into a buffer on the first token (hyphenated words and references need look-ahead);
/// callers analyse passages and titles, so the buffer is as large as the text they already hold.
/// </remarks>
public sealed class SwedishWordTokenizer : Tokenizer
{
    /// <summary>Longer runs (base64, hashes, garbage) are not indexed; they still use up a position.</summary>
    public const int MaxTokenLength = 255;

    private const char SectionSign = '§';
    private const int KeptBufferLength = 64 * 1024;

    // The conjunctions after which a word ending in a hyphen is a compound's first part ("hälso- och sjukvård").
    private static readonly string[] Conjunctions = ["och", "eller", "samt", "respektive", "resp"];

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private readonly IOffsetMapAttribute _offsetMap;

    // The input, read whole at Reset.
    private char[] _text = new char[4096];
    private int _length;
    private bool _read;
    private int _cursor;
    private int _skippedPositions;

    // The current segment (a word, or a hyphenated word/reference made of several parts) and which part is next.
    private readonly List<int> _partStarts = [];
    private readonly List<int> _partEnds = [];
    private readonly List<char> _joiners = [];
    private int _nextPart;

    /// <summary>Creates the tokenizer over <paramref name="input"/> (Lucene sets a new reader for each use).</summary>
    public SwedishWordTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _offsetMap = AddAttribute<IOffsetMapAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        ClearAttributes();
        ReadInputOnce();
        if (_nextPart < _partStarts.Count)
        {
            EmitPart(_nextPart++);
            return true;
        }

        while (_cursor < _length)
        {
            var c = _text[_cursor];
            if (c == SectionSign)
            {
                var start = _cursor;
                while (_cursor < _length && _text[_cursor] == SectionSign)
                {
                    _cursor++;
                }

                _term.SetEmpty().Append(SectionSign);
                SetWhole(start, _cursor, SwedishTokenTypes.Word);
                return true;
            }

            if (!IsWordChar(_cursor))
            {
                _cursor += RuneLength(_cursor);
                continue;
            }

            var segmentStart = _cursor;
            var segmentEnd = ReadSegment(segmentStart);
            _cursor = segmentEnd;
            if (segmentEnd - segmentStart > MaxTokenLength && CleanLength(segmentStart, segmentEnd) > MaxTokenLength)
            {
                _partStarts.Clear();
                _skippedPositions++;
                continue;
            }

            EmitWhole(segmentStart, segmentEnd);
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        ReadInputOnce();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
        _positionIncrement.PositionIncrement += _skippedPositions;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _read = false;
        _length = 0;
        _cursor = 0;
        _skippedPositions = 0;
        _partStarts.Clear();
        _partEnds.Clear();
        _joiners.Clear();
        _nextPart = 0;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // Reading again before the next Reset then hits Lucene's "contract violation" reader, as it should.
        _read = false;
        _length = 0;

        // The tokenizer is reused per thread for the analyzer's lifetime: do not keep one huge document's buffer.
        if (disposing && _text.Length > KeptBufferLength)
        {
            _text = new char[4096];
        }
    }

    // Reads the whole input on first use after Reset: hyphenated words and references need look-ahead.
    private void ReadInputOnce()
    {
        if (_read)
        {
            return;
        }

        _read = true;
        _length = 0;
        int read;
        while ((read = m_input.Read(_text, _length, _text.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _text.Length)
            {
                Array.Resize(ref _text, _text.Length * 2);
            }
        }
    }

    // Reads the parts of one segment into _partStarts/_partEnds/_joiners; returns where the segment ends.
    private int ReadSegment(int start)
    {
        _partStarts.Clear();
        _partEnds.Clear();
        _joiners.Clear();
        _nextPart = 0;
        var partStart = start;
        var i = start;
        var lastWordEnd = start;
        while (i < _length)
        {
            // Most characters of Swedish text are ASCII letters and digits: one test each, no calls.
            if (IsAsciiWordChar(_text[i]))
            {
                lastWordEnd = ++i;
                continue;
            }

            if (IsWordChar(i) || (i > partStart && IsMark(i)))
            {
                i += RuneLength(i);
                lastWordEnd = i;
            }
            else if (i > partStart && IsIgnorable(_text[i]))
            {
                i++;
            }
            else if (IsJoiner(lastWordEnd, i, out var next))
            {
                _partStarts.Add(partStart);
                _partEnds.Add(lastWordEnd);
                _joiners.Add(_text[i]);
                partStart = next;
                i = next;
            }
            else
            {
                break;
            }
        }

        _partStarts.Add(partStart);
        _partEnds.Add(lastWordEnd);
        return lastWordEnd;
    }

    // A joiner sits right after a word character and before one (ignorables may follow it);
    // ':' and '/' only between digits, hyphens between any word characters.
    private bool IsJoiner(int lastWordEnd, int i, out int next)
    {
        next = i + 1;
        var c = _text[i];
        var isHyphen = c is '-' or '\u2010' or '\u2011';
        if (!isHyphen && c is not (':' or '/'))
        {
            return false;
        }

        while (next < _length && IsIgnorable(_text[next]))
        {
            next++;
        }

        if (next >= _length || !IsWordChar(next))
        {
            return false;
        }

        return isHyphen || (char.IsDigit(_text[lastWordEnd - 1]) && char.IsDigit(_text[next]));
    }

    private void EmitWhole(int start, int end)
    {
        var parts = _partStarts.Count;
        if (parts == 1)
        {
            AppendClean(start, end);
            _offsetMap.Map = _term.Length == end - start ? null : OffsetMap(start, end, _term.Length);
            SetWhole(start, end, IsDanglingFirstPart(end) ? SwedishTokenTypes.FirstPart : SwedishTokenTypes.Word);
            _nextPart = parts;
            return;
        }

        // References keep their signs (1982:316); hyphenated words are joined without the hyphen.
        _term.SetEmpty();
        for (var k = 0; k < parts; k++)
        {
            if (k > 0 && _joiners[k - 1] is ':' or '/')
            {
                _term.Append(_joiners[k - 1]);
            }

            AppendClean(_partStarts[k], _partEnds[k]);
        }

        SetWhole(start, end, SwedishTokenTypes.Joined);
        _nextPart = 0;
    }

    // "hälso- och", "byggnads- eller", "hälso-\nresp.": a hyphen right after the word, then white space, then a
    // coordinating conjunction. The hyphen says the word is the first part of a compound whose last part is shared.
    private bool IsDanglingFirstPart(int end)
    {
        if (end >= _length || _text[end] is not ('-' or '\u2010' or '\u2011') || end + 1 >= _length || !char.IsWhiteSpace(_text[end + 1]))
        {
            return false;
        }

        var start = end + 1;
        while (start < _length && char.IsWhiteSpace(_text[start]))
        {
            start++;
        }

        var wordEnd = start;
        while (wordEnd < _length && char.IsLetter(_text[wordEnd]))
        {
            wordEnd++;
        }

        if (wordEnd < _length && IsWordChar(wordEnd))
        {
            return false;
        }

        var word = _text.AsSpan(start, wordEnd - start);
        foreach (var conjunction in Conjunctions)
        {
            if (word.Equals(conjunction, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void EmitPart(int k)
    {
        var (start, end) = (_partStarts[k], _partEnds[k]);
        _term.SetEmpty();
        AppendClean(start, end);
        _offsetMap.Map = _term.Length == end - start ? null : OffsetMap(start, end, _term.Length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        _positionIncrement.PositionIncrement = 0;
        _type.Type = SwedishTokenTypes.Part;
    }

    private void SetWhole(int start, int end, string type)
    {
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        _positionIncrement.PositionIncrement = 1 + _skippedPositions;
        _skippedPositions = 0;
        _type.Type = type;
    }

    // Appends text[start..end] to the term without invisible characters, composed to NFC.
    private void AppendClean(int start, int end)
    {
        var termStart = _term.Length;
        var buffer = _term.ResizeBuffer(termStart + end - start);
        var source = _text.AsSpan(start, end - start);

        // Everything below U+0300 is already NFC and never combines with what precedes it, and the only invisible
        // character below it is the soft hyphen: a word of such characters is copied as it is.
        var plain = true;
        foreach (var c in source)
        {
            if (c >= '\u0300' || c == '\u00AD')
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            source.CopyTo(buffer.AsSpan(termStart));
            _term.SetLength(termStart + source.Length);
            return;
        }

        var length = termStart;
        var mayNeedComposing = false;
        foreach (var c in source)
        {
            if (IsIgnorable(c))
            {
                continue;
            }

            mayNeedComposing |= c >= '\u0300';
            buffer[length++] = c;
        }

        _term.SetLength(length);
        if (!mayNeedComposing)
        {
            return;
        }

        var raw = new string(buffer, termStart, length - termStart);
        if (!raw.IsNormalized(NormalizationForm.FormC))
        {
            _term.SetLength(termStart).Append(raw.Normalize(NormalizationForm.FormC));
        }
    }

    // The length of a segment as text without invisible characters, in NFC: the limit is on what was written, so a
    // word of decomposed letters (twice as many characters) is kept exactly when its composed form is. Only called
    // for spans over the limit, so it may allocate.
    private int CleanLength(int start, int end)
    {
        var clean = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            if (!IsIgnorable(_text[i]))
            {
                clean.Append(_text[i]);
            }
        }

        var text = clean.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text.Length : text.Normalize(NormalizationForm.FormC).Length;
    }

    // For a word whose term differs from its span: at each character that begins a letter in the original, the NFC
    // length of what came before says which term index it is. Rare (soft hyphens, decomposed letters), so it may allocate.
    private int[] OffsetMap(int start, int end, int termLength)
    {
        var map = new int[termLength + 1];
        Array.Fill(map, -1);
        var prefix = new StringBuilder();
        for (var i = start; i <= end; i++)
        {
            if (i == end || !IsContinuation(_text[i]))
            {
                var length = prefix.ToString().Normalize(NormalizationForm.FormC).Length;
                if (length < map.Length && map[length] < 0)
                {
                    map[length] = CorrectOffset(i);
                }
            }

            if (i < end && !IsIgnorable(_text[i]))
            {
                prefix.Append(_text[i]);
            }
        }

        map[^1] = CorrectOffset(end);
        for (var k = map.Length - 2; k >= 0; k--)
        {
            if (map[k] < 0)
            {
                map[k] = map[k + 1];
            }
        }

        return map;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiWordChar(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    private bool IsWordChar(int i)
    {
        var c = _text[i];
        if (c < 0x80)
        {
            return IsAsciiWordChar(c);
        }

        // Letters and decimal digits: the categories of IsWordCategory (checked for every character of the BMP), with
        // a table for Latin-1 (å, ä, ö).
        if (!char.IsSurrogate(c))
        {
            return char.IsLetterOrDigit(c);
        }

        return Rune.DecodeFromUtf16(_text.AsSpan(i, _length - i), out var rune, out _) == System.Buffers.OperationStatus.Done
            && IsWordCategory(Rune.GetUnicodeCategory(rune));
    }

    private static bool IsWordCategory(UnicodeCategory category) =>
        category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;

    private bool IsMark(int i) =>
        _text[i] >= '\u0300'
        && Rune.DecodeFromUtf16(_text.AsSpan(i, _length - i), out var rune, out _) == System.Buffers.OperationStatus.Done
        && IsMarkCategory(Rune.GetUnicodeCategory(rune));

    private static bool IsMarkCategory(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // The second half of a surrogate pair continues its letter too: a prefix must never end between the halves.
    private static bool IsContinuation(char c) =>
        IsIgnorable(c) || char.IsLowSurrogate(c) || IsMarkCategory(CharUnicodeInfo.GetUnicodeCategory(c));

    // Soft hyphen and zero-width characters: invisible, so they must not split a word.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RuneLength(int i) =>
        char.IsHighSurrogate(_text[i]) && i + 1 < _length && char.IsLowSurrogate(_text[i + 1]) ? 2 : 1;
}
