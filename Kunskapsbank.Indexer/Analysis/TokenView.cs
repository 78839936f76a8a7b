namespace Kunskapsbank.Indexer.Analysis;

/// <summary>A token as the analysis chain holds it for a moment: spans into its buffers, valid only inside the visit.</summary>
/// <param name="Term">The index term.</param>
/// <param name="Word">The surface word before stemming (see <see cref="Token.Word"/>).</param>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="End">Offset one past the last character in the original text.</param>
/// <param name="PositionIncrement">Positions since the previous token (0 for a compound part).</param>
/// <param name="Kind">Whole word, compound part, stop word.</param>
public readonly ref struct TokenView(ReadOnlySpan<char> Term, ReadOnlySpan<char> Word, int Start, int End, int PositionIncrement, TokenKind Kind)
{
    /// <summary>The index term.</summary>
    public ReadOnlySpan<char> Term { get; } = Term;

    /// <summary>The surface word before stemming.</summary>
    public ReadOnlySpan<char> Word { get; } = Word;

    /// <summary>Offset of the first character in the original text.</summary>
    public int Start { get; } = Start;

    /// <summary>Offset one past the last character in the original text.</summary>
    public int End { get; } = End;

    /// <summary>Positions since the previous token (0 for a compound part).</summary>
    public int PositionIncrement { get; } = PositionIncrement;

    /// <summary>Whole word, compound part, stop word.</summary>
    public TokenKind Kind { get; } = Kind;

    /// <summary>The term as a string when the chain already has one (a remembered word), else null.</summary>
    public string? TermText { get; init; }

    /// <summary>The word as a string when the chain already has one, else null.</summary>
    public string? WordText { get; init; }

    /// <summary>True for a part emitted by compound splitting.</summary>
    public bool IsCompoundPart => (Kind & TokenKind.CompoundPart) != 0;
}

/// <summary>Receives the tokens of <see cref="Analyzer.Visit"/> one at a time.</summary>
public delegate void TokenVisitor(in TokenView token);
