namespace Kunskapsbank.Indexer.Analysis;

/// <summary>A term and where it came from. Start/End index the original text; filters never change them.</summary>
/// <param name="Term">The final index term (lower-cased, stemmed unless an override or keyword rule says otherwise).</param>
/// <param name="Word">The lower-cased, NFC-normalised surface word before stemming (invisible characters and the hyphens of a hyphenated word removed; for a compound part, its dictionary form); used for exact-word matching.</param>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="End">Offset one past the last character in the original text.</param>
/// <param name="Position">Word position; compound parts share the position of their whole word.</param>
/// <param name="Kind">Whether this is a whole word, a part of a compound, or a stop word.</param>
public readonly record struct Token(string Term, string Word, int Start, int End, int Position, TokenKind Kind = TokenKind.Word)
{
    /// <summary>True for a part emitted by compound splitting (weighs less than a whole word in ranking).</summary>
    public bool IsCompoundPart => (Kind & TokenKind.CompoundPart) != 0;

    /// <summary>True for a word on the stop list; kept in the stream so phrase positions stay right.</summary>
    public bool IsStopWord => (Kind & TokenKind.StopWord) != 0;
}

/// <summary>What a token is, as flags because a stop word can also be a compound part.</summary>
[Flags]
public enum TokenKind
{
    /// <summary>A whole word.</summary>
    Word = 0,

    /// <summary>A part of a compound, emitted at the compound's position.</summary>
    CompoundPart = 1,

    /// <summary>A word on the stop list.</summary>
    StopWord = 2,
}
