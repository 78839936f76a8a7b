using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Index;

/// <summary>How a term of a zone's one inverted field (<see cref="FieldTokenKind.Zone"/>) is spelled, and read back when
/// a segment is flushed.</summary>
/// <remarks>
/// A whole word is its stem when that is also its surface form (<c>våld</c>), else the stem, <see cref="WordMark"/> and
/// the surface form (<c>våld␁våldet</c>); a compound part is its stem and <see cref="PartMark"/> (<c>våld␂</c>). The
/// stem cannot be worked out again at flush time, because it depends on more than the surface form (an acronym in
/// capitals is not stemmed, so <c>FREDA</c> and the verb <c>freda</c> share a surface form but not a stem). Stem first,
/// because Lucene hands a flush its terms in order: the marks sort below every character of a word, so all the terms
/// of one stem come together, and the positional field can be written stem by stem as they arrive. Neither mark occurs
/// in a word: the tokenizer drops control characters.
/// </remarks>
public static class ZoneSpelling
{
    /// <summary>Separates a stem from the surface form it was made from.</summary>
    public const byte WordMark = 0x01;

    /// <summary>Ends a compound part's stem.</summary>
    public const byte PartMark = 0x02;

    /// <summary>The UTF-8 length of <paramref name="token"/>'s spelling.</summary>
    public static int Utf8Length(in Token token) =>
        token.IsCompoundPart ? TokenReplay.Utf8Length(token.Term) + 1
        : SpelledAsStem(token) ? TokenReplay.Utf8Length(token.Term)
        : TokenReplay.Utf8Length(token.Term) + 1 + TokenReplay.Utf8Length(token.Word);

    /// <summary>Writes <paramref name="token"/>'s spelling at <paramref name="end"/>; returns the new end.</summary>
    public static int Append(in Token token, byte[] bytes, int end)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        end = TokenReplay.Append(token.Term, bytes, end);
        if (token.IsCompoundPart)
        {
            bytes[end++] = PartMark;
            return end;
        }

        if (SpelledAsStem(token))
        {
            return end;
        }

        bytes[end++] = WordMark;
        return TokenReplay.Append(token.Word, bytes, end);
    }

    /// <summary>Reads a spelling: whether it is a part, and how long its stem is and where its surface form lies (empty
    /// for a part, or a word without one).</summary>
    public static Spelling Read(ReadOnlySpan<byte> bytes)
    {
        var mark = bytes.IndexOfAny(WordMark, PartMark);
        if (mark < 0)
        {
            return new Spelling(false, bytes.Length, 0, bytes.Length);
        }

        return bytes[mark] == PartMark
            ? new Spelling(true, mark, 0, 0)
            : new Spelling(false, mark, mark + 1, bytes.Length - mark - 1);
    }

    private static bool SpelledAsStem(in Token token) => string.Equals(token.Word, token.Term, StringComparison.Ordinal);

    /// <summary>A spelling read back: a part or a word, the stem's length (it starts the spelling) and where the surface
    /// form lies.</summary>
    public readonly record struct Spelling(bool IsPart, int StemLength, int WordStart, int WordLength);
}
