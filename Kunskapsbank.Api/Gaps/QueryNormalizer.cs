using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Api.Gaps;

/// <summary>Reduces a query to its analysed terms, sorted and deduplicated, so "Barnet" and "barn" count together.</summary>
public static class QueryNormalizer
{
    /// <summary>Queries with more terms than this are pasted text, not a question about missing material.</summary>
    public const int MaxTerms = 8;

    // Six digits in a row may be a personal identity or phone number: such a query is never stored.
    private const int MaxDigitsInARow = 5;

    /// <summary>The normalised form, or null when the query must not be recorded.</summary>
    public static string? Normalize(Analyzer analyzer, string query)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        if (string.IsNullOrWhiteSpace(query) || HasLongDigitRun(query))
        {
            return null;
        }

        var terms = analyzer.Analyze(query)
            .Where(t => !t.IsStopWord && !t.IsCompoundPart && t.Term.Length > 0)
            .Select(t => t.Term)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return terms.Count is 0 or > MaxTerms ? null : string.Join(' ', terms);
    }

    private static bool HasLongDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsDigit(c) ? run + 1 : (c is '-' or ' ' && run > 0 ? run : 0);
            if (run > MaxDigitsInARow)
            {
                return true;
            }
        }

        return false;
    }
}
