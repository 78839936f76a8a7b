using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Index;

/// <summary>One token to replay into a field: its term, position increment, offsets and type.</summary>
public readonly record struct ReplayToken(string Term, int Increment, int Start, int End, string Type);

/// <summary>A Lucene token stream over tokens analysed earlier: the text is analysed once and fed into several fields.</summary>
/// <remarks>Running an analyzer per field would analyse each passage three or four times; replaying a list costs a copy.</remarks>
public sealed class TokenReplay : TokenStream
{
    private readonly IReadOnlyList<ReplayToken> _tokens;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private int _next;

    /// <summary>Replays <paramref name="tokens"/>; the first token's increment must be at least 1.</summary>
    public TokenReplay(IReadOnlyList<ReplayToken> tokens)
    {
        _tokens = tokens;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        var token = _tokens[_next++];
        _term.SetEmpty().Append(token.Term);
        _increment.PositionIncrement = token.Increment;
        _offset.SetOffset(token.Start, token.End);
        _type.Type = token.Type;
        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }

    /// <inheritdoc />
    public override void End()
    {
        base.End();
        var end = _tokens.Count == 0 ? 0 : _tokens[^1].End;
        _offset.SetOffset(end, end);
    }
}
