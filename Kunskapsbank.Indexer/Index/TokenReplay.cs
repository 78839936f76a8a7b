using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>A Lucene token stream over tokens analysed earlier: the text is analysed once and fed into several fields.</summary>
/// <remarks>Running an analyzer per field would analyse each passage three or four times. The stream is laid out when it
/// is made — the terms a field takes and their position increments, in flat arrays — which is on the preparing thread
/// that builds the block (<see cref="DocumentBuilder.Prepare"/>); the writing thread, the one the others wait for, only
/// walks the arrays. Picking a field's tokens out of the analysed ones there was a tenth of that thread's work at
/// 100,000 documents (the parts field took one token in eight); the terms are UTF-8 already
/// (<see cref="ITermBytesAttribute"/>). The stream shares its attributes with the other fields of
/// the same Lucene documents (Lucene consumes one field's stream completely before it asks for the next).</remarks>
public sealed class TokenReplay : TokenStream
{
    private readonly byte[] _bytes;
    private readonly int[] _ends;
    private readonly int[]? _increments;
    private readonly ITermBytesAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private int _next;

    /// <summary>Replays the tokens <paramref name="kind"/> takes of <paramref name="tokens"/>, with the attributes of
    /// <paramref name="attributes"/> (shared by the fields of one block of documents).</summary>
    public TokenReplay(FieldTokens tokens, FieldTokenKind kind, AttributeSource attributes)
        : base(attributes)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _term = AddAttribute<ITermBytesAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        (_bytes, _ends, _increments) = Layout(tokens, kind);
    }

    /// <summary>A fresh attribute set for the fields of one block of documents.</summary>
    public static AttributeSource NewAttributes() => new();

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_next >= _ends.Length)
        {
            return false;
        }

        // No ClearAttributes: the fields are indexed without offsets, payloads or types, so the term and the increment
        // are all Lucene reads of a token, and both are set for every one.
        var start = _next == 0 ? 0 : _ends[_next - 1];
        _term.Point(_bytes, start, _ends[_next] - start);
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

    // Terms are short, so a loop over their characters beats the framework's vectorised encoder, whose set-up was
    // most of its cost here; anything beyond two bytes a character goes to the framework.
    private static int Append(string term, byte[] bytes, int end)
    {
        var start = end;
        foreach (var c in term)
        {
            if (c < 0x80)
            {
                bytes[end++] = (byte)c;
            }
            else if (c < 0x800)
            {
                bytes[end++] = (byte)(0xC0 | (c >> 6));
                bytes[end++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                return start + Encoding.UTF8.GetBytes(term, bytes.AsSpan(start));
            }
        }

        return end;
    }

    // A positional field puts each segment at its start (FieldTokens.PositionalStarts: PositionGap after the highest
    // position before it) and a token at the segment's start plus its own position (parts at their word's, so increment
    // 0), never below the highest position so far. Other fields take one position each. The terms are written as UTF-8
    // one after another into a buffer counted first, so a field costs no array of strings besides.
    private static (byte[] Bytes, int[] Ends, int[]? Increments) Layout(FieldTokens tokens, FieldTokenKind kind)
    {
        var length = 0;
        for (var s = 0; s < tokens.SegmentCount; s++)
        {
            foreach (ref readonly var token in tokens.Segment(s).Tokens.AsSpan())
            {
                if (FieldTokens.Takes(kind, token))
                {
                    length += Utf8Length(TermOf(kind, token));
                }
            }
        }

        var bytes = new byte[length];
        var ends = new int[tokens.Count(kind)];
        var positional = kind == FieldTokenKind.Positional;
        var increments = positional ? new int[ends.Length] : null;
        var starts = positional ? tokens.PositionalStarts() : null;
        var taken = 0;
        var end = 0;
        var highest = -1;
        for (var s = 0; s < tokens.SegmentCount; s++)
        {
            foreach (ref readonly var token in tokens.Segment(s).Tokens.AsSpan())
            {
                if (!FieldTokens.Takes(kind, token))
                {
                    continue;
                }

                end = Append(TermOf(kind, token), bytes, end);
                ends[taken] = end;
                if (increments is not null)
                {
                    var position = starts![s] + Math.Max(0, token.Position);
                    increments[taken] = Math.Max(0, position - highest);
                    highest = Math.Max(highest, position);
                }

                taken++;
            }
        }

        return (bytes, ends, increments);
    }

    private static string TermOf(FieldTokenKind kind, in Analysis.Token token) => kind == FieldTokenKind.Words ? token.Word : token.Term;

    // As Append writes it: exact, but for a surrogate pair (counted as six bytes, written as four).
    private static int Utf8Length(string term)
    {
        var length = 0;
        foreach (var c in term)
        {
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }

        return length;
    }
}
