using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>A Lucene token stream over tokens analysed earlier: the text is analysed once and fed into several fields.</summary>
/// <remarks>Running an analyzer per field would analyse each passage three or four times. The stream is laid out when it
/// is made — the terms a field takes and their position increments, in flat arrays — which is on the preparing thread
/// that builds the block (<see cref="DocumentBuilder.Prepare"/>); the writing thread, the one the others wait for, only
/// walks the arrays. Picking a field's tokens out of the analysed ones there was a tenth of that thread's work at
/// 100,000 documents (the parts field took one token in eight). The stream shares its attributes with the other fields of
/// the same Lucene documents (Lucene consumes one field's stream completely before it asks for the next).</remarks>
public sealed class TokenReplay : TokenStream
{
    private readonly string[] _terms;
    private readonly int[]? _increments;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private int _next;

    /// <summary>Replays the tokens <paramref name="kind"/> takes of <paramref name="tokens"/>, with the attributes of
    /// <paramref name="attributes"/> (shared by the fields of one block of documents).</summary>
    public TokenReplay(FieldTokens tokens, FieldTokenKind kind, AttributeSource attributes)
        : base(attributes)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        (_terms, _increments) = Layout(tokens, kind);
    }

    /// <summary>A fresh attribute set for the fields of one block of documents.</summary>
    public static AttributeSource NewAttributes() => new();

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_next >= _terms.Length)
        {
            return false;
        }

        // No ClearAttributes: the fields are indexed without offsets, payloads or types, so the term and the increment
        // are all Lucene reads of a token, and both are set for every one.
        _term.SetEmpty().Append(_terms[_next]);
        _increment.PositionIncrement = _increments is null ? 1 : _increments[_next];
        _next++;
        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }

    // A positional field puts each segment at its start (FieldTokens.PositionalStarts: PositionGap after the highest
    // position before it) and a token at the segment's start plus its own position (parts at their word's, so increment
    // 0), never below the highest position so far. Other fields take one position each.
    private static (string[] Terms, int[]? Increments) Layout(FieldTokens tokens, FieldTokenKind kind)
    {
        var terms = new string[tokens.Count(kind)];
        var positional = kind == FieldTokenKind.Positional;
        var increments = positional ? new int[terms.Length] : null;
        var starts = positional ? tokens.PositionalStarts() : null;
        var taken = 0;
        var highest = -1;
        for (var s = 0; s < tokens.SegmentCount; s++)
        {
            foreach (ref readonly var token in tokens.Segment(s).Tokens.AsSpan())
            {
                if (!FieldTokens.Takes(kind, token))
                {
                    continue;
                }

                terms[taken] = kind == FieldTokenKind.Words ? token.Word : token.Term;
                if (increments is not null)
                {
                    var position = starts![s] + Math.Max(0, token.Position);
                    increments[taken] = Math.Max(0, position - highest);
                    highest = Math.Max(highest, position);
                }

                taken++;
            }
        }

        return (terms, increments);
    }
}
