using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>After each compound, adds its parts at position increment 0 with type <see cref="SwedishTokenTypes.Part"/>;
/// likewise after a dangling first part ("hälso-" before "och"), its dictionary form.</summary>
/// <remarks>
/// The whole word stays so ranking can weigh it above its parts, and phrases still match because parts take no
/// position. A part's term is its dictionary form (stemmed later, so "vålds" gives the stem of "våld"); its offsets
/// cover the part's own letters in the original text, so highlighting can mark "utsatta" inside "våldsutsatta".
/// Keywords (acronyms, protected words, numbers), stop words and hyphenated words (already split by the tokenizer,
/// whose parts come through here themselves) are not split. Lucene's DictionaryCompoundWordTokenFilter and
/// HyphenationCompoundWordTokenFilter emit every dictionary word found inside a word (over-splitting Swedish badly:
/// kontroll → kon + troll) and know neither linking forms nor lemmas, so the splitting is ours (<see cref="CompoundSplitter"/>).
/// </remarks>
public sealed class CompoundPartsFilter : TokenFilter
{
    private const int MinWordLength = 6;

    private readonly CompoundSplitCache _splits;

    // This chain's own (so per-thread) front of the shared cache: no hashing of the shared dictionary for common words.
    private readonly RecentWordCache<CompoundPart[]> _recent = new();
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private readonly IKeywordAttribute _keyword;
    private readonly IStopWordAttribute _stopWord;
    private readonly IOffsetMapAttribute _offsetMap;

    // The parts still to emit and what they need of their whole word.
    private CompoundPart[] _parts = [];
    private int _nextPart;
    private int _wholeStart;
    private int _wholeEnd;
    private int _wholeLength;
    private int[]? _wholeMap;

    /// <summary>Splits the compounds of <paramref name="input"/> (lower-case terms) using <paramref name="splits"/>.</summary>
    public CompoundPartsFilter(TokenStream input, CompoundSplitCache splits)
        : base(input)
    {
        _splits = splits;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _stopWord = AddAttribute<IStopWordAttribute>();
        _offsetMap = AddAttribute<IOffsetMapAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_nextPart < _parts.Length)
        {
            EmitPart(_parts[_nextPart++]);
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var length = _term.Length;
        if (_type.Type == SwedishTokenTypes.FirstPart)
        {
            // "hälso" in "hälso- och sjukvård" is the first part of "hälsosjukvård" written short: it gets the part a
            // compound would have given it (hälsa), so "hälsa" finds the text.
            _type.Type = SwedishTokenTypes.Word;
            if (!_keyword.IsKeyword && !_stopWord.IsStopWord)
            {
                StartParts(_splits.SplitFirstPart(_term.Buffer.AsSpan(0, length)), length);
            }

            return true;
        }

        if (length < MinWordLength || length > CompoundSplitter.MaxWordLength || _keyword.IsKeyword || _stopWord.IsStopWord
            || _type.Type == SwedishTokenTypes.Joined)
        {
            return true;
        }

        var word = _term.Buffer.AsSpan(0, length);
        if (!_recent.TryGet(word, out var parts, out var slot))
        {
            parts = _splits.Split(word);
            _recent.Set(slot, word, parts);
        }

        StartParts(parts, length);
        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _parts = [];
        _nextPart = 0;
    }

    private void StartParts(CompoundPart[] parts, int length)
    {
        if (parts.Length > 0)
        {
            _parts = parts;
            _nextPart = 0;
            (_wholeStart, _wholeEnd, _wholeLength, _wholeMap) = (_offset.StartOffset, _offset.EndOffset, length, _offsetMap.Map);
        }
    }

    private void EmitPart(CompoundPart part)
    {
        ClearAttributes();
        _term.SetEmpty().Append(part.Lemma);
        int start, end;
        if (_wholeMap is { } map && map.Length == _wholeLength + 1)
        {
            (start, end) = (map[part.Offset], map[part.Offset + part.Length]);
        }
        else if (_wholeMap is null && _wholeEnd - _wholeStart == _wholeLength)
        {
            (start, end) = (_wholeStart + part.Offset, _wholeStart + part.Offset + part.Length);
        }
        else
        {
            (start, end) = (_wholeStart, _wholeEnd);
        }

        _offset.SetOffset(start, end);
        _positionIncrement.PositionIncrement = 0;
        _type.Type = SwedishTokenTypes.Part;
    }
}
