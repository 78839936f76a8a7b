using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Index;

/// <summary>How a term of a zone's one inverted field (<see cref="FieldTokenKind.Zone"/>) is spelled, and read back when
/// a segment is flushed.</summary>
/// <remarks>
/// A whole word is its surface form when that is also its stem (<c>våld</c>), else the surface form, <see cref="StemMark"/>
/// and the stem (<c>våldet␁våld</c>): the stem cannot be worked out again at flush time, because it depends on more than
/// the surface form (an acronym in capitals is not stemmed, so <c>FREDA</c> and the verb <c>freda</c> share a surface form
/// but not a stem). A compound part is <see cref="PartMark"/> and its stem. Neither mark occurs in a word: the tokenizer
/// drops control characters. A surface form and its spellings sort next to each other (the marks sort below every
/// character of a word), so the word field can be written in the order the spellings arrive.
/// </remarks>
public static class ZoneSpelling
{
    /// <summary>Separates a surface form from its stem.</summary>
    public const byte StemMark = 0x01;

    /// <summary>Starts a compound part's stem.</summary>
    public const byte PartMark = 0x02;

    /// <summary>The UTF-8 length of <paramref name="token"/>'s spelling.</summary>
    public static int Utf8Length(in Token token) =>
        token.IsCompoundPart ? 1 + TokenReplay.Utf8Length(token.Term)
        : SpelledAsStem(token) ? TokenReplay.Utf8Length(token.Term)
        : TokenReplay.Utf8Length(token.Word) + 1 + TokenReplay.Utf8Length(token.Term);

    /// <summary>Writes <paramref name="token"/>'s spelling at <paramref name="end"/>; returns the new end.</summary>
    public static int Append(in Token token, byte[] bytes, int end)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (token.IsCompoundPart)
        {
            bytes[end++] = PartMark;
            return TokenReplay.Append(token.Term, bytes, end);
        }

        if (SpelledAsStem(token))
        {
            return TokenReplay.Append(token.Term, bytes, end);
        }

        end = TokenReplay.Append(token.Word, bytes, end);
        bytes[end++] = StemMark;
        return TokenReplay.Append(token.Term, bytes, end);
    }

    /// <summary>Reads a spelling: whether it is a part, and where its surface form (empty for a part, or a word without
    /// one) and its stem lie in <paramref name="bytes"/>.</summary>
    public static Spelling Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[0] == PartMark)
        {
            return new Spelling(true, 0, 0, 1, bytes.Length - 1);
        }

        var mark = bytes.IndexOf(StemMark);
        return mark < 0 ? new Spelling(false, 0, bytes.Length, 0, bytes.Length) : new Spelling(false, 0, mark, mark + 1, bytes.Length - mark - 1);
    }

    private static bool SpelledAsStem(in Token token) => string.Equals(token.Word, token.Term, StringComparison.Ordinal);

    /// <summary>A spelling read back: a part or a word, and the offsets of the word and the stem within it.</summary>
    public readonly record struct Spelling(bool IsPart, int WordStart, int WordLength, int StemStart, int StemLength);
}
