using System.Buffers;
using System.Numerics;
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
    private readonly int[]? _repeats;
    private readonly ITermBytesAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private int _next;
    private int _left;

    /// <summary>How many tokens the stream gives: the field's length.</summary>
    public int Length { get; }

    /// <summary>Replays the tokens <paramref name="kind"/> takes of <paramref name="tokens"/>, with the attributes of
    /// <paramref name="attributes"/> (shared by the fields of one block of documents).</summary>
    public TokenReplay(FieldTokens tokens, FieldTokenKind kind, AttributeSource attributes)
        : base(attributes)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _term = AddAttribute<ITermBytesAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        var stopWords = 0;
        (_bytes, _ends, _increments, _repeats) = kind switch
        {
            FieldTokenKind.Positional or FieldTokenKind.Zone => Layout(tokens, kind),
            FieldTokenKind.StopWords => StopWordTerms(tokens, out stopWords),
            _ => Grouped(tokens, kind),
        };
        Length = _repeats is null ? _ends.Length : _repeats.Sum();
        StopWordCount = stopWords;
    }

    /// <summary>How many different stop words a <see cref="FieldTokenKind.StopWords"/> stream stands for (its one mask
    /// term holds most of them); 0 for other kinds.</summary>
    public int StopWordCount { get; }

    /// <summary>A fresh attribute set for the fields of one block of documents.</summary>
    public static AttributeSource NewAttributes() => new();

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_left > 0)
        {
            // The same term again: the attribute still points at it.
            _left--;
            _increment.PositionIncrement = 1;
            return true;
        }

        if (_next >= _ends.Length)
        {
            return false;
        }

        // No ClearAttributes: the fields are indexed without offsets, payloads or types, so the term and the increment
        // are all Lucene reads of a token, and both are set for every one.
        var start = _next == 0 ? 0 : _ends[_next - 1];
        _term.Point(_bytes, start, _ends[_next] - start);
        _increment.PositionIncrement = _increments is null ? 1 : _increments[_next];
        _left = _repeats is null ? 0 : _repeats[_next] - 1;
        _next++;
        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _next = 0;
        _left = 0;
    }

    // Terms are short, so a loop over their characters beats the framework's vectorised encoder, whose set-up was
    // most of its cost here; anything beyond two bytes a character goes to the framework.
    internal static int Append(string term, byte[] bytes, int end)
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
    // 0), never below the highest position so far. The terms are written as UTF-8 one after another into a buffer
    // counted first, so a field costs no array of strings besides; a zone field spells them as ZoneSpelling does.
    private static (byte[] Bytes, int[] Ends, int[]? Increments, int[]? Repeats) Layout(FieldTokens tokens, FieldTokenKind kind)
    {
        var zone = kind == FieldTokenKind.Zone;
        var length = 0;
        for (var s = 0; s < tokens.SegmentCount; s++)
        {
            foreach (ref readonly var token in tokens.Segment(s).Tokens.AsSpan())
            {
                if (FieldTokens.Takes(kind, token))
                {
                    length += zone ? ZoneSpelling.Utf8Length(token) : Utf8Length(token.Term);
                }
            }
        }

        var bytes = new byte[length];
        var ends = new int[tokens.Count(kind)];
        var increments = new int[ends.Length];
        var starts = tokens.PositionalStarts();
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

                end = zone ? ZoneSpelling.Append(token, bytes, end) : Append(token.Term, bytes, end);
                ends[taken] = end;
                var position = starts[s] + Math.Max(0, token.Position);
                increments[taken] = Math.Max(0, position - highest);
                highest = Math.Max(highest, position);
                taken++;
            }
        }

        return (bytes, ends, increments, null);
    }

    // A field without positions holds a term's documents and frequency only, so the order of its tokens does not change
    // the index: each term is written once and replayed as often as it occurs, one occurrence after another. Lucene
    // finds a term in its hash of the field's terms for every token, and a repeat finds it still in the cache (the
    // look-ups of the fields' terms were the writing thread's largest cost).
    private static (byte[] Bytes, int[] Ends, int[]? Increments, int[]? Repeats) Grouped(FieldTokens tokens, FieldTokenKind kind)
    {
        // An open-addressing table of the field's distinct terms, in pooled arrays: a dictionary per field and document
        // was an eighth of the build's allocation.
        var count = tokens.Count(kind);
        var mask = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, count * 2)) - 1;
        var slots = ArrayPool<int>.Shared.Rent(mask + 1);
        var terms = ArrayPool<string>.Shared.Rent(Math.Max(1, count));
        var counts = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        try
        {
            Array.Clear(slots, 0, mask + 1);
            var groups = 0;
            var length = 0;
            for (var s = 0; s < tokens.SegmentCount; s++)
            {
                foreach (ref readonly var token in tokens.Segment(s).Tokens.AsSpan())
                {
                    if (!FieldTokens.Takes(kind, token))
                    {
                        continue;
                    }

                    var term = TermOf(kind, token);
                    var slot = HashOf(term) & mask;
                    while (slots[slot] != 0 && !SameTerm(terms[slots[slot] - 1], term))
                    {
                        slot = (slot + 1) & mask;
                    }

                    if (slots[slot] != 0)
                    {
                        // A stop word is scored only when a query holds nothing else (QueryAnalyzer), so its exact
                        // form counts once per document: that was a third of the tokens of the body's word field.
                        if (kind is not (FieldTokenKind.Words or FieldTokenKind.StopWords) || !token.IsStopWord)
                        {
                            counts[slots[slot] - 1]++;
                        }

                        continue;
                    }

                    slots[slot] = groups + 1;
                    terms[groups] = term;
                    counts[groups] = 1;
                    groups++;
                    length += Utf8Length(term);
                }
            }

            var bytes = new byte[length];
            var ends = new int[groups];
            var end = 0;
            for (var i = 0; i < groups; i++)
            {
                end = Append(terms[i], bytes, end);
                ends[i] = end;
            }

            return (bytes, ends, null, counts.AsSpan(0, groups).ToArray());
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slots);
            ArrayPool<string>.Shared.Return(terms, clearArray: true);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    // A zone's stop words: one term with a bit for each of them on the stop list (StopWordMask), and any other its own
    // term, each once.
    private static (byte[] Bytes, int[] Ends, int[]? Increments, int[]? Repeats) StopWordTerms(FieldTokens tokens, out int distinct)
    {
        var mask = StopWordMask.Default;
        var bits = new byte[mask.TermLength];
        bits[0] = StopWordMask.Mark;
        distinct = 0;
        List<string>? others = null;
        for (var s = 0; s < tokens.SegmentCount; s++)
        {
            foreach (ref readonly var token in tokens.Segment(s).Tokens.AsSpan())
            {
                if (!FieldTokens.Takes(FieldTokenKind.StopWords, token))
                {
                    continue;
                }

                var bit = mask.BitOf(token.Word);
                if (bit >= 0)
                {
                    ref var b = ref bits[1 + (bit >> 3)];
                    if ((b & (1 << (bit & 7))) == 0)
                    {
                        b |= (byte)(1 << (bit & 7));
                        distinct++;
                    }
                }
                else if (!(others ??= []).Contains(token.Word))
                {
                    others.Add(token.Word);
                    distinct++;
                }
            }
        }

        var terms = new List<byte[]>(1 + (others?.Count ?? 0));
        if (distinct > (others?.Count ?? 0))
        {
            terms.Add(bits);
        }

        foreach (var word in others ?? [])
        {
            terms.Add(Encoding.UTF8.GetBytes(word));
        }

        var bytes = new byte[terms.Sum(t => t.Length)];
        var ends = new int[terms.Count];
        var end = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            terms[i].CopyTo(bytes, end);
            end += terms[i].Length;
            ends[i] = end;
        }

        return (bytes, ends, null, null);
    }

    // FNV-1a over the characters: terms are short, and the framework's randomised string hash costs more here.
    private static int HashOf(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    // The analysis mostly hands the same instance for the same term, so the reference decides most comparisons.
    private static bool SameTerm(string a, string b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);

    private static string TermOf(FieldTokenKind kind, in Analysis.Token token) => kind is FieldTokenKind.Words or FieldTokenKind.StopWords ? token.Word : token.Term;

    // As Append writes it: exact, but for a surrogate pair (counted as six bytes, written as four).
    internal static int Utf8Length(string term)
    {
        var length = 0;
        foreach (var c in term)
        {
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }

        return length;
    }
}
