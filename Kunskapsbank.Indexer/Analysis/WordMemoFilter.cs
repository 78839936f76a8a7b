using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Runs the word filters for a new word and replays the tokens they made for its later occurrences.</summary>
/// <remarks>
/// The filters from lower-casing to stemming look at one word at a time: what they make of it depends only on its
/// characters, its type and the keyword and stop-word flags it arrives with, never on its neighbours. So their output
/// is remembered in <see cref="AnalysedWordMemo"/>, and a word seen before costs one look-up instead of seven filters
/// (a profile of a bulk build had those filters at 30 % of a preparing thread). A word is remembered only when its
/// offsets are plain (no offset map, as long as its span), so its parts' offsets are the same distance from its start
/// wherever it occurs. The filters themselves stay the one implementation: a word not in the memo streams through
/// them, fed by a one-token source that shares this stream's attributes, and their tokens are recorded on the way
/// when the word is to be remembered. They leave the word's own offsets and position alone; only parts get their own.
/// </remarks>
public sealed class WordMemoFilter : TokenFilter
{
    private readonly AnalysedWordMemo _memo;
    private readonly OneWordSource _feed;
    private readonly TokenStream _wordFilters;
    private readonly List<AnalysedToken> _recorded = [];

    // Lucene's own attribute classes (what its default factory makes, and this chain uses), not their interfaces:
    // every token passes here, and the interface calls' dispatch stubs were 9 % of the chain's samples.
    private readonly CharTermAttribute _term;
    private readonly OffsetAttribute _offset;
    private readonly PositionIncrementAttribute _positionIncrement;
    private readonly TypeAttribute _type;
    private readonly KeywordAttribute _keyword;
    private readonly StopWordAttribute _stopWord;
    private readonly WordAttribute _word;
    private readonly OffsetMapAttribute _offsetMap;
    private readonly TermTextAttribute _text;

    // A remembered word's parts still to emit, and where the word starts.
    private AnalysedToken[] _parts = [];
    private int _nextPart;
    private int _wordStart;

    // A new word streaming through the word filters, and what is recorded of it when it is to be remembered.
    private bool _streaming;
    private string? _recordKey;
    private string _recordType = string.Empty;
    private AnalysedWord.Flags _recordFlags;
    private uint _recordHash;
    private int _recordWay;

    /// <summary>Wraps <paramref name="input"/>; <paramref name="wordFilters"/> builds the word filters on the source it is given.</summary>
    internal WordMemoFilter(TokenStream input, AnalysedWordMemo memo, Func<TokenStream, TokenStream> wordFilters)
        : base(input)
    {
        _memo = memo;
        _term = (CharTermAttribute)AddAttribute<ICharTermAttribute>();
        _offset = (OffsetAttribute)AddAttribute<IOffsetAttribute>();
        _positionIncrement = (PositionIncrementAttribute)AddAttribute<IPositionIncrementAttribute>();
        _type = (TypeAttribute)AddAttribute<ITypeAttribute>();
        _keyword = (KeywordAttribute)AddAttribute<IKeywordAttribute>();
        _stopWord = (StopWordAttribute)AddAttribute<IStopWordAttribute>();
        _word = (WordAttribute)AddAttribute<IWordAttribute>();
        _offsetMap = (OffsetMapAttribute)AddAttribute<IOffsetMapAttribute>();
        _text = (TermTextAttribute)AddAttribute<ITermTextAttribute>();
        _feed = new OneWordSource(this);
        _wordFilters = wordFilters(_feed);
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_nextPart < _parts.Length)
        {
            EmitPart(_parts[_nextPart++]);
            return true;
        }

        if (_streaming && NextFromWordFilters())
        {
            return true;
        }

        while (m_input.IncrementToken())
        {
            if (Remembered() is { } known)
            {
                if (known.Tokens.Length == 0)
                {
                    continue;
                }

                EmitWord(known.Tokens[0]);
                (_parts, _nextPart, _wordStart) = (known.Tokens, 1, _offset.StartOffset);
                return true;
            }

            _feed.Arm();
            _streaming = true;
            if (NextFromWordFilters())
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _wordFilters.Reset();
        _parts = [];
        _nextPart = 0;
        _streaming = false;
        _recordKey = null;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _wordFilters.Dispose();
        }

        base.Dispose(disposing);
    }

    // The memo's tokens for the current word, or null: then the word streams through the filters, recorded when the
    // memo wants it (AnalysedWordMemo.Claim).
    private AnalysedWord? Remembered()
    {
        _recordKey = null;
        var length = _term.Length;
        if (length is 0 or > AnalysedWordMemo.MaxWordLength || _offsetMap.Map is not null
            || _offset.EndOffset - _offset.StartOffset != length)
        {
            return null;
        }

        var characters = _term.Buffer.AsSpan(0, length);
        var type = _type.Type;
        var flags = (_keyword.IsKeyword ? AnalysedWord.Flags.Keyword : AnalysedWord.Flags.None)
            | (_stopWord.IsStopWord ? AnalysedWord.Flags.StopWord : AnalysedWord.Flags.None);
        var hash = AnalysedWordMemo.HashOf(characters, type, flags);
        if (_memo.Find(hash, characters, type, flags) is { } known)
        {
            return known;
        }

        if (_memo.Claim(hash) is var way and >= 0)
        {
            (_recordKey, _recordType, _recordFlags, _recordHash, _recordWay) = (characters.ToString(), type, flags, hash, way);
            _wordStart = _offset.StartOffset;
            _recorded.Clear();
        }

        return null;
    }

    // The word filters' next token for the streaming word; at its end the word is remembered if it was recorded.
    private bool NextFromWordFilters()
    {
        if (_wordFilters.IncrementToken())
        {
            // The filters change the characters, so a string set before does not hold.
            (_text.Term, _text.Word) = (null, null);
            if (_recordKey is not null)
            {
                Record();
            }

            return true;
        }

        _streaming = false;
        if (_recordKey is { } key)
        {
            _memo.Remember(_recordWay, _recordHash, new AnalysedWord(key, _recordType, _recordFlags, [.. _recorded]));
            _recordKey = null;
        }

        return false;
    }

    private void Record()
    {
        var term = _term.Buffer.AsSpan(0, _term.Length);
        var word = _word.Buffer.AsSpan(0, _word.Length);
        var termText = term.SequenceEqual(_recordKey) ? _recordKey! : term.ToString();
        var wordText = word.SequenceEqual(termText) ? termText : word.SequenceEqual(_recordKey) ? _recordKey! : word.ToString();
        _recorded.Add(new AnalysedToken(termText, wordText, _type.Type, _keyword.IsKeyword, _stopWord.IsStopWord,
            _positionIncrement.PositionIncrement, _offset.StartOffset - _wordStart, _offset.EndOffset - _wordStart));
    }

    private void EmitWord(in AnalysedToken token)
    {
        _term.SetEmpty().Append(token.Term);
        _word.SetWord(token.Word);
        _type.Type = token.Type;
        _keyword.IsKeyword = token.IsKeyword;
        _stopWord.IsStopWord = token.IsStopWord;
        (_text.Term, _text.Word) = (token.Term, token.Word);
    }

    private void EmitPart(in AnalysedToken token)
    {
        ClearAttributes();
        EmitWord(token);
        _positionIncrement.PositionIncrement = token.PositionIncrement;
        _offset.SetOffset(_wordStart + token.StartDelta, _wordStart + token.EndDelta);
    }

    /// <summary>Gives the word filters the one word this filter holds, then ends; it shares this filter's attributes.</summary>
    private sealed class OneWordSource(AttributeSource attributes) : TokenStream(attributes)
    {
        private bool _armed;

        public void Arm() => _armed = true;

        public override bool IncrementToken()
        {
            var armed = _armed;
            _armed = false;
            return armed;
        }

        public override void Reset()
        {
            base.Reset();
            _armed = false;
        }
    }
}
