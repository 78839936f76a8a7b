using System.Globalization;
using System.Text;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Builds the Swedish analysis chain.</summary>
public static class SwedishAnalyzer
{
    /// <summary>Creates the analyzer used for both documents and queries.</summary>
    // PLACEHOLDER until the full chain lands: letter/digit runs, NFC, lower-case, no stemming.
    public static Analyzer Create() => new(Tokenize);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var position = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark))
            {
                i++;
            }

            var word = text[start..i].Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("sv-SE"));
            tokens.Add(new Token(word, word, start, i, position++));
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
