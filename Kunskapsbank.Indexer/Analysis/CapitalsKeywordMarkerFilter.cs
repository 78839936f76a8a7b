using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Marks acronyms written in capitals (FREDA, SARA, NCK) as keywords, so the stemmer leaves them whole.</summary>
/// <remarks>
/// Without it "FREDA" (an assessment method) is lower-cased and stemmed to "fred" (peace). A word of two or more
/// letters (at most <see cref="MaxAcronymLength"/>), all of them capitals, is an acronym, unless the word before or after it is also written in capitals:
/// then it is a heading in capitals ("BESLUT OM SKATTER OCH AVGIFTER") whose words are stemmed as usual. A part of a
/// hyphenated word follows its whole word when that is in capitals (HSLF-FS), and is an acronym on its own otherwise
/// (the "FREDA" of "FREDA-kortfrågor"). Lower-case spellings of known acronyms are handled by the protected-words list.
/// Runs before lower-casing, which erases the evidence. Looks one word ahead only after a word in capitals, so
/// ordinary text streams through without buffering. Lucene's KeywordMarkerFilter decides one token at a time, which
/// cannot see the neighbours.
/// </remarks>
public sealed class CapitalsKeywordMarkerFilter : TokenFilter
{
    /// <summary>Longer words in capitals are shouted words ("barn FLADDERMUSGROTTA"), not acronyms: stemmed as usual.</summary>
    public const int MaxAcronymLength = 8;

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;

    // Tokens of a word in capitals (and its parts) waiting for the next word to decide; the next word, already read.
    private readonly List<State> _pending = [];
    private int _nextPending;
    private State? _lookAhead;

    private bool _previousInCapitals;
    private bool _wholeInCapitals;
    private bool _wholeIsAcronym;

    /// <summary>Wraps <paramref name="input"/>; its terms must still have their original casing.</summary>
    public CapitalsKeywordMarkerFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_nextPending < _pending.Count)
        {
            RestoreState(_pending[_nextPending++]);
            return true;
        }

        _pending.Clear();
        _nextPending = 0;
        if (!Next())
        {
            return false;
        }

        if (IsPart())
        {
            if (IsAcronymShaped() && (!_wholeInCapitals || _wholeIsAcronym))
            {
                _keyword.IsKeyword = true;
            }

            return true;
        }

        var capitals = CountCapitals(_term.Buffer, _term.Length);
        if (capitals < 2 || _term.Length > MaxAcronymLength)
        {
            _previousInCapitals = capitals > 0;
            _wholeInCapitals = false;
            return true;
        }

        DecideWordInCapitals();
        RestoreState(_pending[_nextPending++]);
        return true;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _nextPending = 0;
        _lookAhead = null;
        _previousInCapitals = false;
        _wholeInCapitals = false;
        _wholeIsAcronym = false;
    }

    // The current token is a whole word in capitals: read its parts and the next word, then mark them all.
    private void DecideWordInCapitals()
    {
        _pending.Add(CaptureState());
        var nextInCapitals = false;
        while (Next())
        {
            if (IsPart())
            {
                _pending.Add(CaptureState());
                continue;
            }

            nextInCapitals = CountCapitals(_term.Buffer, _term.Length) > 0;
            _lookAhead = CaptureState();
            break;
        }

        _wholeInCapitals = true;
        _wholeIsAcronym = !_previousInCapitals && !nextInCapitals;
        _previousInCapitals = true;
        if (!_wholeIsAcronym)
        {
            return;
        }

        for (var k = 0; k < _pending.Count; k++)
        {
            RestoreState(_pending[k]);
            if (k == 0 || IsAcronymShaped())
            {
                _keyword.IsKeyword = true;
                _pending[k] = CaptureState();
            }
        }
    }

    private bool Next()
    {
        if (_lookAhead is { } state)
        {
            RestoreState(state);
            _lookAhead = null;
            return true;
        }

        return m_input.IncrementToken();
    }

    private bool IsAcronymShaped() => _term.Length <= MaxAcronymLength && CountCapitals(_term.Buffer, _term.Length) >= 2;

    private bool IsPart() => _positionIncrement.PositionIncrement == 0 && _type.Type == SwedishTokenTypes.Part;

    /// <summary>The number of capital letters when every letter of the term is a capital; 0 when any is not.</summary>
    internal static int CountCapitals(char[] buffer, int length)
    {
        var capitals = 0;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if ((uint)(c - 'a') <= 'z' - 'a')
            {
                return 0;
            }

            if ((uint)(c - 'A') <= 'Z' - 'A' || char.IsUpper(c))
            {
                capitals++;
            }
            else if (char.IsLetter(c))
            {
                return 0;
            }
        }

        return capitals;
    }
}
