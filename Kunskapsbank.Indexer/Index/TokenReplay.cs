using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Token = Kunskapsbank.Indexer.Analysis.Token;

namespace Kunskapsbank.Indexer.Index;

/// <summary>A Lucene token stream over tokens analysed earlier: the text is analysed once and fed into several fields.</summary>
/// <remarks>Running an analyzer per field would analyse each passage three or four times. The stream reads the analysed
/// tokens in place (<see cref="FieldTokens"/>) and shares its attributes with the other fields of the same Lucene
/// documents (Lucene consumes one field's stream completely before it asks for the next), so a field costs neither a
/// token list nor an attribute set of its own.</remarks>
public sealed class TokenReplay : TokenStream
{
    private readonly FieldTokens _tokens;
    private readonly FieldTokenKind _kind;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private int _segment;
    private int _next;
    private int _segmentBase;
    private int _highest;
    private int _lastPosition;
    private int _lastEnd;
    private bool _emitted;

    /// <summary>Replays the tokens <paramref name="kind"/> takes of <paramref name="tokens"/>, with the attributes of
    /// <paramref name="attributes"/> (shared by the fields of one block of documents).</summary>
    public TokenReplay(FieldTokens tokens, FieldTokenKind kind, AttributeSource attributes)
        : base(attributes)
    {
        _tokens = tokens;
        _kind = kind;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        Restart();
    }

    /// <summary>A fresh attribute set for the fields of one block of documents.</summary>
    public static AttributeSource NewAttributes() => new();

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        while (_segment < _tokens.SegmentCount)
        {
            var (tokens, offset) = _tokens.Segment(_segment);
            if (_next == 0)
            {
                _segmentBase = _lastPosition < 0 ? 0 : _lastPosition + IndexSchema.PositionGap;
                _highest = _lastPosition;
            }

            while (_next < tokens.Length)
            {
                ref readonly var token = ref tokens[_next++];
                if (!FieldTokens.Takes(_kind, token))
                {
                    continue;
                }

                Emit(token, offset);
                return true;
            }

            _lastPosition = _highest;
            _segment++;
            _next = 0;
        }

        return false;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        Restart();
    }

    /// <inheritdoc />
    public override void End()
    {
        base.End();
        _offset.SetOffset(_lastEnd, _lastEnd);
    }

    private void Emit(in Token token, int offset)
    {
        ClearAttributes();
        _term.SetEmpty().Append(_kind == FieldTokenKind.Words ? token.Word : token.Term);
        int increment;
        if (_kind == FieldTokenKind.Positional)
        {
            var position = _segmentBase + Math.Max(0, token.Position);
            increment = _emitted ? Math.Max(0, position - _highest) : Math.Max(1, position + 1);
            _highest = Math.Max(_highest, position);
        }
        else
        {
            increment = 1;
        }

        _emitted = true;
        _increment.PositionIncrement = increment;
        var start = offset + token.Start;
        _lastEnd = offset + Math.Max(token.Start, token.End);
        _offset.SetOffset(start, _lastEnd);
        _type.Type = token.IsCompoundPart ? "part" : "word";
    }

    private void Restart()
    {
        _segment = 0;
        _next = 0;
        _lastPosition = -1;
        _highest = -1;
        _segmentBase = 0;
        _lastEnd = 0;
        _emitted = false;
    }
}
