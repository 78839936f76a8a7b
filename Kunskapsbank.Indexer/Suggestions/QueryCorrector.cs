using System.Diagnostics;
using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Query;
using Lucene.Net.Index;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>What the corrector made of a query.</summary>
/// <param name="SearchedText">The query with its unknown words corrected ("Visar träffar för …"); null when no word was unknown and correctable.</param>
/// <param name="SearchedClause">What to search instead of the query: unknown words replaced by their corrections, rare ones widened to "word OR correction"; null when nothing was corrected.</param>
/// <param name="SuggestedText">The query with rare words corrected too, offered as "Menade du …?"; null when nothing was corrected.</param>
/// <param name="Corrections">Each corrected word as typed, with its correction.</param>
public sealed record QueryCorrection(string? SearchedText, QueryClause? SearchedClause, string? SuggestedText, IReadOnlyList<(string Typed, Correction Correction)> Corrections)
{
    /// <summary>Nothing corrected.</summary>
    public static QueryCorrection None { get; } = new(null, null, null, []);
}

/// <summary>Decides which words of a query are typos and what they stand for (typo tolerance, "Menade du …?").</summary>
/// <remarks>
/// Only plain words are corrected, never a "phrase" (quoted on purpose), a prefix*, an exclusion, a number or law
/// reference, or a word typed in capitals (an acronym such as FREDA or SARA). A word shorter than five letters is never
/// corrected (one edit turns it into too many other words). Then, by how many documents hold the word's stem:
/// <list type="bullet">
/// <item>none: the word is corrected and the corrected query searched in the same request — the index has nothing for
/// the word as typed, so a close word is what the user meant or nothing is;</item>
/// <item>a few (≤ <see cref="FewDocuments"/>): the word exists and may be right (a name, a rare term), so its hits stay
/// and come first (a rare word's idf is high); when a clearly commoner word (≥ <see cref="CommonerFactor"/> × and ≥ 3
/// documents, not just another inflection of the same stem) is within the edits, it is matched too ("word OR
/// correction", as Meilisearch matches a word with typos) and offered as "Menade du …?";</item>
/// <item>more: the word is taken as written.</item>
/// </list>
/// Corrections stop at <see cref="TimeBudget"/>; a word not reached by then stays as typed.
/// </remarks>
public sealed class QueryCorrector(Analyzer analyzer)
{
    /// <summary>A word whose stem is in at most this many documents may be a typo for a commoner word.</summary>
    public const int FewDocuments = 2;

    /// <summary>How much commoner a correction of an existing word must be to be matched and offered.</summary>
    public const int CommonerFactor = 3;

    /// <summary>Most words of one query looked up.</summary>
    public const int MaxWords = 8;

    /// <summary>Longest time spent on corrections for one query (a safety net: lookups take well under a millisecond each).</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromMilliseconds(150);

    /// <summary>Corrections of <paramref name="clause"/> (the analysed <paramref name="query"/>) against the words of <paramref name="reader"/> (<paramref name="vocabulary"/>).</summary>
    /// <param name="offerSuggestions">Also look for corrections of rare words (worth it only when the query found few documents).</param>
    /// <param name="enums">The search's reused terms enums, for the look-ups of words and stems.</param>
    public QueryCorrection Correct(Vocabulary vocabulary, IndexReader reader, QueryClause clause, string query, bool offerSuggestions, ReusableEnums enums)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(enums);
        var corrector = new SpellingCorrector(vocabulary, reader, enums, analyzer, Stopwatch.GetTimestamp() + (long)(TimeBudget.TotalSeconds * Stopwatch.Frequency));
        var searched = new Dictionary<TermClause, TermClause>();
        var widened = new Dictionary<TermClause, TermClause>();
        var corrections = new List<(string, Correction)>();
        var looked = 0;
        foreach (var term in QueryLeaves.PositiveOf(clause).OfType<TermClause>().Distinct())
        {
            if (!IsCorrectable(term) || looked >= MaxWords || corrector.OutOfTime)
            {
                continue;
            }

            var frequency = TermDictionaryReader.StemFrequency(reader, term.Stem, enums);
            if (frequency > FewDocuments || (frequency > 0 && !offerSuggestions))
            {
                continue;
            }

            looked++;
            if (corrector.Correct(term.Word) is not { } correction)
            {
                continue;
            }

            if (frequency > 0 && (correction.Stem == term.Stem || correction.DocumentCount < Math.Max(3, frequency * CommonerFactor)))
            {
                continue;
            }

            var replacement = new TermClause(correction.Stem, correction.Word, correction.Word);
            (frequency == 0 ? searched : widened)[term] = replacement;
            corrections.Add((term.Typed, correction));
        }

        if (corrections.Count == 0)
        {
            return QueryCorrection.None;
        }

        var searchedText = searched.Count > 0 ? Rewrite(query, searched) : null;
        var suggestedText = Rewrite(query, searched.Concat(widened).ToDictionary(p => p.Key, p => p.Value));
        var alternatives = searched.ToDictionary(p => p.Key, p => (QueryClause)p.Value);
        foreach (var (term, replacement) in widened)
        {
            alternatives[term] = new AnyClause([term, replacement]);
        }

        return new QueryCorrection(searchedText, Replace(clause, alternatives), suggestedText, corrections);
    }

    private static bool IsCorrectable(TermClause term) =>
        term.Word.Length >= 5
        && SpellingCorrector.IsPlainWord(term.Word)
        && !(term.Typed.Length > 1 && term.Typed.All(c => !char.IsLetter(c) || char.IsUpper(c)));

    private static QueryClause Replace(QueryClause clause, Dictionary<TermClause, QueryClause> replacements) => clause switch
    {
        TermClause term when replacements.TryGetValue(term, out var replacement) => replacement,
        AllClause all => new AllClause(all.Positive.Select(c => Replace(c, replacements)).ToList(), all.Negative),
        AnyClause any => new AnyClause(any.Children.Select(c => Replace(c, replacements)).ToList()),
        _ => clause,
    };

    // Each corrected word is replaced where it was typed (the first whole-word occurrence); the rest stays as written.
    private static string Rewrite(string text, Dictionary<TermClause, TermClause> replacements)
    {
        foreach (var (typed, replacement) in replacements)
        {
            var at = WholeWordAt(text, typed.Typed);
            if (at >= 0)
            {
                text = text[..at] + replacement.Word + text[(at + typed.Typed.Length)..];
            }
        }

        return text;
    }

    private static int WholeWordAt(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return at;
            }
        }

        return -1;
    }
}
