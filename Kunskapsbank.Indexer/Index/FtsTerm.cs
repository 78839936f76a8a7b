using System.Globalization;
using System.Text;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Writes analysed terms so that FTS5's tokenizer keeps each one whole and unchanged.</summary>
/// <remarks>
/// The analyzer does all tokenizing; FTS5 only splits our space-separated terms again. Letters and digits pass through
/// (å/ä/ö intact: the tokenizer is created with remove_diacritics 0), the punctuation a term may legitimately carry
/// (§, 1982:316, 2022/23:34; see the analysis notes) is declared as token characters, and anything else is written as _XXXX so no character can ever
/// split a term or inject query syntax.
/// </remarks>
public static class FtsTerm
{
    /// <summary>Characters declared to FTS5 as part of tokens (besides letters and digits).</summary>
    public const string TokenChars = ":/§";

    /// <summary>The tokenizer option used for every FTS5 table.</summary>
    public const string Tokenizer = "unicode61 remove_diacritics 0 tokenchars '" + TokenChars + "_'";

    /// <summary>The FTS5-safe spelling of <paramref name="term"/> (identity for ordinary words).</summary>
    public static string Encode(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var plain = true;
        foreach (var c in term)
        {
            if (!IsSafe(c))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return term;
        }

        var builder = new StringBuilder(term.Length + 8);
        foreach (var c in term)
        {
            if (IsSafe(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('_').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the term needs no encoding, so an FTS5 prefix query on it is meaningful.</summary>
    public static bool IsPlain(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        foreach (var c in term)
        {
            if (!IsSafe(c))
            {
                return false;
            }
        }

        return term.Length > 0;
    }

    /// <summary>An FTS5 string literal for one encoded term: quoted, so it is never read as syntax.</summary>
    public static string Quote(string encodedTerm) => "\"" + encodedTerm.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Upper-case letters are excluded because unicode61 folds case; the analyzer lower-cases anyway, so an upper-case
    // letter here is a deliberate keyword spelling that must survive unchanged. CJK and beyond are encoded because the
    // tokenizer's Unicode tables may classify them differently from .NET's.
    private static bool IsSafe(char c) =>
        (char.IsLetterOrDigit(c) && !char.IsUpper(c) && c < '\u3000') || TokenChars.Contains(c, StringComparison.Ordinal);
}
